package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * TBL and TBX: each byte of Vm indexes a table of one to four consecutive registers; an index past the table
 * gives zero (TBL) or leaves the destination byte (TBX).
 */
final class SimdTableLookup {
  private SimdTableLookup() {}

  static void TBL(Args.SimdTable a, Emitter e) {
    lookup(a, e, false);
  }

  static void TBX(Args.SimdTable a, Emitter e) {
    lookup(a, e, true);
  }

  private static void lookup(Args.SimdTable a, Emitter e, boolean extension) {
    IrBuilder ir = e.ir;
    int q = a.q();
    int registers = a.len() + 1;
    // The table as one vector of a power-of-two number of registers (three get a zero fourth).
    LLVMValueRef[] parts = new LLVMValueRef[registers == 3 ? 4 : registers];
    for (int r = 0; r < parts.length; r++) {
      parts[r] = r < registers ? Simd.arranged(e, (a.rn() + r) % 32, 1, 0) : ir.splat(ir.m.vectorType(16, 8), 0);
    }
    for (int count = parts.length; count > 1; count /= 2) {
      for (int r = 0; r < count / 2; r++) {
        parts[r] = Simd.concat(ir, parts[2 * r], parts[2 * r + 1]);
      }
    }
    LLVMValueRef table = parts[0];
    int tableBytes = 16 * registers;
    LLVMValueRef indexes = Simd.arranged(e, a.rm(), q, 0);
    LLVMValueRef fallback = extension ? Simd.arranged(e, a.rd(), q, 0) : ir.c(indexes, 0);
    int lanes = Simd.lanes(q, 0);
    int mask = IrBuilder.lanes(table) - 1;
    LLVMValueRef result = fallback;
    for (int k = 0; k < lanes; k++) {
      LLVMValueRef index = ir.extract(indexes, ir.c(32, k));
      LLVMValueRef inTable = ir.ult(index, ir.c(8, tableBytes));
      LLVMValueRef looked = ir.extract(table, ir.zext(ir.and(index, ir.c(8, mask)), 32));
      LLVMValueRef kept = ir.extract(fallback, ir.c(32, k));
      result = ir.insert(result, ir.select(inTable, looked, kept), k);
    }
    Simd.write(e, a.rd(), result);
  }
}
