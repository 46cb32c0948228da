package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.bytedeco.llvm.global.LLVM;

/**
 * LD1-LD4 and ST1-ST4: whole registers (multiple structures), one lane (single structure) or one element
 * replicated (LD1R-LD4R), without offset or post-indexed by the transfer size (Rm = 31) or a register. The n
 * registers of an LDn/STn structure are interleaved in memory; LD1/ST1 of several registers are contiguous. Every
 * form is one memory access of the whole block plus a shuffle.
 */
final class SimdLoadStoreStructure {
  private SimdLoadStoreStructure() {}

  static void LD_mult(Args.SimdLdstMult a, Emitter e) {
    multiple(a, e, true);
  }

  static void ST_mult(Args.SimdLdstMult a, Emitter e) {
    multiple(a, e, false);
  }

  static void LD_single(Args.SimdLdstSingle a, Emitter e) {
    single(a, e, true);
  }

  static void ST_single(Args.SimdLdstSingle a, Emitter e) {
    single(a, e, false);
  }

  /** LD1R-LD4R: one structure, each element to every lane of its register. */
  static void LD_single_repl(Args.SimdLdstRepl a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef address = e.regOrSp(a.rn(), true);
    int n = (a.opc0() << 1 | a.r()) + 1;
    int bits = Simd.bits(a.scale());
    int lanes = Simd.lanes(a.q(), a.scale());
    LLVMValueRef block = ir.bitcast(e.load(address, n * bits / 8), ir.m.vectorType(n, bits));
    for (int r = 0; r < n; r++) {
      int[] everyLane = new int[lanes];
      java.util.Arrays.fill(everyLane, r);
      Simd.write(e, (a.rt() + r) % 32, ir.shuffle(block, block, everyLane));
    }
    postIndex(e, a.p(), a.rn(), a.rm(), address, n * bits / 8);
  }

  /** rpt groups of selem registers, whole. */
  private static void multiple(Args.SimdLdstMult a, Emitter e, boolean load) {
    IrBuilder ir = e.ir;
    LLVMValueRef address = e.regOrSp(a.rn(), true);
    int size = a.size();
    int bits = Simd.bits(size);
    int rt = a.rt();
    int registers = a.rpt() * a.selem();
    int n = a.selem();
    int lanes = Simd.lanes(a.q(), size);
    int total = registers * lanes;
    // Register r's lane k is block element r * lanes + k for LD1, k * n + r for an interleaved LDn.
    int[] toRegisters = new int[total];
    for (int r = 0; r < registers; r++) {
      for (int k = 0; k < lanes; k++) {
        toRegisters[r * lanes + k] = n == 1 ? r * lanes + k : k * n + r;
      }
    }
    if (load) {
      LLVMValueRef block = ir.bitcast(e.load(address, total * bits / 8), ir.m.vectorType(total, bits));
      LLVMValueRef ordered = ir.shuffle(block, block, toRegisters);
      for (int r = 0; r < registers; r++) {
        Simd.write(e, (rt + r) % 32, slice(ir, ordered, r * lanes, lanes));
      }
    } else {
      LLVMValueRef joined = Simd.arranged(e, rt, a.q(), size);
      for (int r = 1; r < registers; r++) {
        joined = append(ir, joined, Simd.arranged(e, (rt + r) % 32, a.q(), size));
      }
      int[] toMemory = new int[total];
      for (int m = 0; m < total; m++) {
        toMemory[toRegisters[m]] = m;
      }
      LLVMValueRef block = ir.shuffle(joined, joined, toMemory);
      e.store(address, ir.bitcast(block, ir.m.intType(total * bits)));
    }
    postIndex(e, a.p(), a.rn(), a.rm(), address, registers * (a.q() == 1 ? 16 : 8));
  }

  /** One lane of selem registers: lane q:idx of elements of 1 << scale bytes. */
  private static void single(Args.SimdLdstSingle a, Emitter e, boolean load) {
    IrBuilder ir = e.ir;
    LLVMValueRef address = e.regOrSp(a.rn(), true);
    int size = a.scale();
    int bits = Simd.bits(size);
    int rt = a.rt();
    int n = (a.opc0() << 1 | a.r()) + 1;
    int lane = a.q() << (3 - size) | a.idx();
    if (load) {
      LLVMValueRef block = ir.bitcast(e.load(address, n * bits / 8), ir.m.vectorType(n, bits));
      for (int r = 0; r < n; r++) {
        int reg = (rt + r) % 32;
        LLVMValueRef element = ir.extract(block, ir.c(32, r));
        Simd.write(e, reg, ir.insert(Simd.arranged(e, reg, 1, size), element, lane));
      }
    } else {
      LLVMValueRef block = ir.splat(ir.m.vectorType(n, bits), 0);
      for (int r = 0; r < n; r++) {
        LLVMValueRef element = ir.extract(Simd.arranged(e, (rt + r) % 32, 1, size), ir.c(32, lane));
        block = ir.insert(block, element, r);
      }
      e.store(address, ir.bitcast(block, ir.m.intType(n * bits)));
    }
    postIndex(e, a.p(), a.rn(), a.rm(), address, n * bits / 8);
  }

  /** Post-indexed forms add Xm, or for Rm = 31 the bytes transferred, to the base register. */
  private static void postIndex(Emitter e, int p, int rn, int rm, LLVMValueRef address, int bytes) {
    if (p == 0) {
      return;
    }
    LLVMValueRef step = rm == 31 ? e.ir.c(64, bytes) : e.reg(rm, true);
    e.setRegOrSp(rn, e.ir.add(address, step));
  }

  private static LLVMValueRef slice(IrBuilder ir, LLVMValueRef vector, int from, int lanes) {
    int[] mask = new int[lanes];
    for (int k = 0; k < lanes; k++) {
      mask[k] = from + k;
    }
    return ir.shuffle(vector, vector, mask);
  }

  /** a followed by b, where b may be shorter than a (shuffles need operands of one type). */
  private static LLVMValueRef append(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    int aLanes = IrBuilder.lanes(a);
    int bLanes = IrBuilder.lanes(b);
    int[] widen = new int[aLanes];
    for (int k = 0; k < aLanes; k++) {
      widen[k] = k < bLanes ? k : bLanes; // lanes past b read b's undefined padding, never used
    }
    LLVMTypeRef bType = LLVM.LLVMTypeOf(b);
    LLVMValueRef padded = aLanes == bLanes ? b : ir.shuffle(b, ir.splat(bType, 0), widen);
    int[] mask = new int[aLanes + bLanes];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = k < aLanes ? k : aLanes + (k - aLanes);
    }
    return ir.shuffle(a, padded, mask);
  }
}
