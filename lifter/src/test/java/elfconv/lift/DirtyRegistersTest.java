package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirtyRegistersTest {
  private static final long CALLEE = 0x1000;

  private static BitSet regs(int... registers) {
    BitSet set = new BitSet();
    for (int r : registers) {
      set.set(r);
    }
    return set;
  }

  private static List<DirtyRegisters.Sync> systemCall(int... writtenBefore) {
    return List.of(new DirtyRegisters.Sync(regs(writtenBefore), DirtyRegisters.EVERYTHING));
  }

  /** The callee at CALLEE touches x0, x1 and x30; anything else is not lifted. */
  private static BitSet touched(long callee) {
    return callee == CALLEE ? regs(0, 1, 30) : null;
  }

  @Test
  void writesFlowAlongBranchesUntilASynchronisation() {
    DirtyRegisters d = new DirtyRegisters();
    // 0x10 writes x1 and branches to 0x20 or 0x30; 0x20 writes x2 and loops back to itself; 0x30 makes a system
    // call (all clean), writes x3 and branches to 0x40.
    d.branch(0x10, 0x20, List.of(), regs(1));
    d.branch(0x10, 0x30, List.of(), regs(1));
    d.branch(0x20, 0x20, List.of(), regs(2));
    d.branch(0x30, 0x40, systemCall(), regs(3));
    Map<Long, BitSet> entry = d.onEntry(DirtyRegistersTest::touched);
    assertEquals(regs(2), entry.get(0x20L)); // a loop header: x1 is written back on the way in
    assertEquals(regs(1), entry.get(0x30L));
    assertEquals(regs(3), entry.get(0x40L));
    assertNull(entry.get(0x10L)); // the function's entry: clean
  }

  @Test
  void aLoopCarriesWhatItsBodyWrites() {
    DirtyRegisters d = new DirtyRegisters();
    d.branch(0x10, 0x20, List.of(), regs());
    d.branch(0x20, 0x30, List.of(), regs(5));
    d.branch(0x30, 0x20, List.of(), regs(6));
    Map<Long, BitSet> entry = d.onEntry(DirtyRegistersTest::touched);
    assertEquals(regs(5, 6), entry.get(0x20L));
    assertEquals(regs(5, 6), entry.get(0x30L));
  }

  @Test
  void aLoopWithACallStartsWithOnlyWhatItsBranchBackCarries() {
    DirtyRegisters d = new DirtyRegisters();
    // 0x10 sets up x19, x20 and x29 and enters the loop at 0x20, which makes a system call, then writes x19 and
    // branches back.
    d.branch(0x10, 0x20, List.of(), regs(19, 20, 29));
    d.branch(0x20, 0x30, systemCall(), regs(19));
    d.branch(0x30, 0x20, List.of(), regs());
    d.branch(0x30, 0x40, List.of(), regs());
    Map<Long, BitSet> entry = d.onEntry(DirtyRegistersTest::touched);
    assertEquals(regs(19), entry.get(0x20L));
    assertEquals(regs(19), entry.get(0x40L));
  }

  @Test
  void whatACalleeDoesNotTouchStaysDirtyAcrossTheCall() {
    DirtyRegisters d = new DirtyRegisters();
    // 0x10 writes x0, x19 and x30, calls CALLEE (touching x0, x1, x30), then writes x2; 0x20 writes x1, calls
    // something not lifted, writes x3.
    d.branch(0x10, 0x20, List.of(new DirtyRegisters.Sync(regs(0, 19, 30), CALLEE)), regs(2));
    d.branch(0x20, 0x30, List.of(new DirtyRegisters.Sync(regs(1), 0x2000)), regs(3));
    Map<Long, BitSet> entry = d.onEntry(DirtyRegistersTest::touched);
    assertEquals(regs(2, 19), entry.get(0x20L));
    assertEquals(regs(3), entry.get(0x30L));
  }
}
