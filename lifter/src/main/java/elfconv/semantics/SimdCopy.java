package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The Advanced SIMD copies: DUP (element, general, scalar), SMOV, UMOV and INS (general, element). The table gives
 * the lane size (from imm5's lowest set bit) and the lane index.
 */
final class SimdCopy {
  private SimdCopy() {}

  static void DUP_element_v(Args.SimdLane a, Emitter e) {
    duplicate(e, a.q(), a.size(), a.rd(), element(e, a.rn(), a.size(), a.idx()));
  }

  static void DUP_general(Args.SimdLane a, Emitter e) {
    duplicate(e, a.q(), a.size(), a.rd(), e.ir.trunc(e.reg(a.rn(), true), Simd.bits(a.size())));
  }

  static void DUP_element_s(Args.SimdLaneScalar a, Emitter e) {
    e.setVreg(a.rd(), element(e, a.rn(), a.size(), a.idx()));
  }

  static void SMOV(Args.SimdLane a, Emitter e) {
    LLVMValueRef element = element(e, a.rn(), a.size(), a.idx());
    e.setReg(a.rd(), e.ir.sext(element, a.q() == 1 ? 64 : 32));
  }

  static void UMOV(Args.SimdLane a, Emitter e) {
    e.setReg(a.rd(), element(e, a.rn(), a.size(), a.idx()));
  }

  static void INS_general(Args.SimdLane a, Emitter e) {
    insert(e, a.rd(), a.size(), a.idx(), e.ir.trunc(e.reg(a.rn(), true), Simd.bits(a.size())));
  }

  static void INS_element(Args.SimdInsElement a, Emitter e) {
    insert(e, a.rd(), a.size(), a.dst(), element(e, a.rn(), a.size(), a.src()));
  }

  /** Every lane of Vd (Q = 0: its lower half) set to {@code element}. */
  private static void duplicate(Emitter e, int q, int size, int d, LLVMValueRef element) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(size);
    int lanes = Simd.lanes(q, size);
    LLVMValueRef one = ir.insert(ir.splat(ir.m.vectorType(lanes, bits), 0), element, 0);
    Simd.write(e, d, ir.shuffle(one, one, new int[lanes]));
  }

  private static LLVMValueRef element(Emitter e, int n, int size, int index) {
    return e.ir.extract(Simd.arranged(e, n, 1, size), e.ir.c(32, index));
  }

  private static void insert(Emitter e, int d, int size, int index, LLVMValueRef value) {
    Simd.write(e, d, e.ir.insert(Simd.arranged(e, d, 1, size), value, index));
  }
}
