package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The Advanced SIMD copies: DUP (element, general, scalar), SMOV, UMOV and INS (general, element). imm5's lowest
 * set bit gives the lane size, the bits above it the lane.
 */
final class SimdCopy implements Family {
  private static int size(Insn i) {
    return Integer.numberOfTrailingZeros(i.f("imm5") | 0x10);
  }

  private static int index(Insn i) {
    return i.f("imm5") >> (size(i) + 1);
  }

  private static String name(Insn i) {
    return i.pattern().name();
  }

  private static boolean signed(Insn i) {
    return name(i).equals("SIMD_MOV_TO_GENERAL") && i.f("U") == 0;
  }

  @Override
  public String unallocated(Insn i) {
    int size = size(i);
    if (size == 4) {
      return "reserved lane size";
    }
    return switch (name(i)) {
      case "SIMD_DUP_ELEMENT", "DUP_GENERAL" -> size == 3 && i.f("Q") == 0 ? "one 64-bit lane is not a vector" : null;
      case "SIMD_MOV_TO_GENERAL" -> signed(i) ? (size >= 2 + i.f("Q") ? "SMOV wider than its destination" : null)
          : (size == 3) != (i.f("Q") == 1) ? "UMOV's Q must say whether the lane is 64 bits" : null;
      default -> null;
    };
  }

  @Override
  public String disassemble(Insn i) {
    int size = size(i);
    int rd = i.f("rd");
    int rn = i.f("rn");
    String lane = Simd.lane(rn, size, index(i));
    return switch (name(i)) {
      case "SIMD_DUP_ELEMENT" -> Asm.join("dup", Simd.arrangement(rd, i.f("Q"), size), lane);
      case "DUP_GENERAL" -> Asm.join("dup", Simd.arrangement(rd, i.f("Q"), size), Asm.r(rn, size == 3));
      case "SIMD_DUP_SCALAR" -> Asm.join("mov", Asm.v(rd, 1 << size), lane);
      case "SIMD_MOV_TO_GENERAL" -> signed(i) ? Asm.join("smov", Asm.r(rd, i.f("Q") == 1), lane)
          : Asm.join(size >= 2 ? "mov" : "umov", Asm.r(rd, size == 3), lane);
      case "SIMD_INS_GENERAL" -> Asm.join("mov", Simd.lane(rd, size, index(i)), Asm.r(rn, size == 3));
      default -> Asm.join("mov", Simd.lane(rd, size, index(i)), Simd.lane(rn, size, i.f("imm4") >> size));
    };
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int size = size(i);
    int bits = Simd.bits(size);
    int rd = i.f("rd");
    int rn = i.f("rn");
    switch (name(i)) {
      case "SIMD_DUP_ELEMENT", "DUP_GENERAL" -> {
        LLVMValueRef element = name(i).equals("DUP_GENERAL") ? ir.trunc(e.reg(rn, true), bits) : element(e, rn, size,
            index(i));
        int lanes = Simd.lanes(i.f("Q"), size);
        LLVMValueRef one = ir.insert(ir.splat(ir.m.vectorType(lanes, bits), 0), element, 0);
        Simd.write(e, rd, ir.shuffle(one, one, new int[lanes]));
      }
      case "SIMD_DUP_SCALAR" -> e.setVreg(rd, element(e, rn, size, index(i)));
      case "SIMD_MOV_TO_GENERAL" -> {
        LLVMValueRef element = element(e, rn, size, index(i));
        e.setReg(rd, signed(i) ? ir.sext(element, i.f("Q") == 1 ? 64 : 32) : element);
      }
      case "SIMD_INS_GENERAL" -> insert(e, rd, size, index(i), ir.trunc(e.reg(rn, true), bits));
      default -> insert(e, rd, size, index(i), element(e, rn, size, i.f("imm4") >> size));
    }
  }

  private static LLVMValueRef element(Emitter e, int n, int size, int index) {
    return e.ir.extract(Simd.arranged(e, n, 1, size), e.ir.c(32, index));
  }

  private static void insert(Emitter e, int d, int size, int index, LLVMValueRef value) {
    Simd.write(e, d, e.ir.insert(Simd.arranged(e, d, 1, size), value, index));
  }
}
