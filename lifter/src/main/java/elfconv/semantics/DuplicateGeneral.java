package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** DUP (general): a general-purpose register's low element repeated across a 64- or 128-bit vector. */
final class DuplicateGeneral implements Family {
  /** log2 of the element size in bytes, from the lowest set bit of imm5; 4 when none is set. */
  private static int size(Insn i) {
    return Integer.numberOfTrailingZeros(i.f("imm5") | 0x10);
  }

  @Override
  public String unallocated(Insn i) {
    int size = size(i);
    return size == 4 || size == 3 && i.f("Q") == 0 ? "reserved element size" : null;
  }

  @Override
  public String disassemble(Insn i) {
    int size = size(i);
    int lanes = (i.f("Q") == 1 ? 16 : 8) >> size;
    String arrangement = "v" + i.f("rd") + "." + lanes + "bhsd".charAt(size);
    return Asm.join("dup", arrangement, Asm.r(i.f("rn"), size == 3));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int elementBits = 8 << size(i);
    int totalBits = i.f("Q") == 1 ? 128 : 64;
    LLVMValueRef element = ir.zext(ir.trunc(e.reg(i.f("rn"), true), elementBits), 128);
    LLVMValueRef vector = ir.c(128, 0);
    for (int at = 0; at < totalBits; at += elementBits) {
      vector = ir.or(vector, ir.shl(element, ir.c(128, at)));
    }
    e.setVreg(i.f("rd"), vector);
  }
}
