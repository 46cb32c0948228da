package elfconv.semantics;

import java.util.Map;

/** The family implementations, by the names the decode table uses. */
public final class Families {
  private static final Map<String, Family> BY_NAME = Map.ofEntries(
      Map.entry("PcRelative", new PcRelative()),
      Map.entry("AddSubImmediate", new AddSubImmediate()),
      Map.entry("LogicalImmediate", new LogicalImmediate()),
      Map.entry("MoveWide", new MoveWide()),
      Map.entry("Bitfield", new Bitfield()),
      Map.entry("Extract", new Extract()),
      Map.entry("BranchImmediate", new BranchImmediate()),
      Map.entry("ConditionalBranch", new ConditionalBranch()),
      Map.entry("CompareBranch", new CompareBranch()),
      Map.entry("TestBranch", new TestBranch()),
      Map.entry("BranchRegister", new BranchRegister()),
      Map.entry("Supervisor", new Supervisor()),
      Map.entry("Trap", new Trap()),
      Map.entry("Hint", new Hint()),
      Map.entry("Barrier", new Barrier()),
      Map.entry("SystemInstruction", new SystemInstruction()),
      Map.entry("Exclusive", new Exclusive()),
      Map.entry("FloatMoveGeneral", new FloatMoveGeneral()),
      Map.entry("SimdCopy", new SimdCopy()),
      Map.entry("SimdModifiedImmediate", new SimdModifiedImmediate()),
      Map.entry("SimdThreeSame", new SimdThreeSame()),
      Map.entry("SimdTwoRegister", new SimdTwoRegister()),
      Map.entry("SimdAcrossLanes", new SimdAcrossLanes()),
      Map.entry("SimdShiftImmediate", new SimdShiftImmediate()),
      Map.entry("SimdThreeDifferent", new SimdThreeDifferent()),
      Map.entry("SimdPermute", new SimdPermute()),
      Map.entry("SimdTableLookup", new SimdTableLookup()),
      Map.entry("SimdLoadStoreStructure", new SimdLoadStoreStructure()),
      Map.entry("SystemRegister", new SystemRegister()),
      Map.entry("LogicalShifted", new LogicalShifted()),
      Map.entry("AddSubShifted", new AddSubShifted()),
      Map.entry("AddSubExtended", new AddSubExtended()),
      Map.entry("AddSubCarry", new AddSubCarry()),
      Map.entry("ConditionalCompare", new ConditionalCompare()),
      Map.entry("ConditionalSelect", new ConditionalSelect()),
      Map.entry("Multiply", new Multiply()),
      Map.entry("DataProcessing2", new DataProcessing2()),
      Map.entry("DataProcessing1", new DataProcessing1()),
      Map.entry("LoadStoreUnsignedOffset", new LoadStoreUnsignedOffset()),
      Map.entry("LoadStoreImm9", new LoadStoreImm9()),
      Map.entry("LoadStoreRegister", new LoadStoreRegister()),
      Map.entry("LoadStorePair", new LoadStorePair()),
      Map.entry("LoadLiteral", new LoadLiteral()),
      Map.entry("FloatDataProcessing1", new FloatDataProcessing1()),
      Map.entry("FloatDataProcessing2", new FloatDataProcessing2()),
      Map.entry("FloatMultiplyAdd", new FloatMultiplyAdd()),
      Map.entry("FloatCompare", new FloatCompare()),
      Map.entry("FloatConditionalSelect", new FloatConditionalSelect()),
      Map.entry("FloatImmediate", new FloatImmediate()),
      Map.entry("FloatIntegerConvert", new FloatIntegerConvert()),
      Map.entry("FloatSimdScalarConvert", new FloatSimdScalarConvert()));

  private Families() {}

  public static Family of(String name) {
    Family family = BY_NAME.get(name);
    if (family == null) {
      throw new IllegalStateException("decode table names unknown family " + name);
    }
    return family;
  }
}
