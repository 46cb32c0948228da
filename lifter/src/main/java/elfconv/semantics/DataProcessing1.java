package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** RBIT, REV16, REV32, REV, CLZ, CLS. */
final class DataProcessing1 implements Family {
  @Override
  public String unallocated(Insn i) {
    int op = i.f("opcode");
    if (i.f("S") != 0 || i.f("opcode2") != 0 || op > 5) {
      return "unallocated opcode";
    }
    return op == 3 && !i.is64() ? "REV with opc=11 and sf=0" : null;
  }

  private static String name(Insn i) {
    return switch (i.f("opcode")) {
      case 0 -> "rbit";
      case 1 -> "rev16";
      case 2 -> i.is64() ? "rev32" : "rev";
      case 3 -> "rev";
      case 4 -> "clz";
      default -> "cls";
    };
  }

  @Override
  public String disassemble(Insn i) {
    return Asm.join(name(i), Asm.r(i.f("rd"), i.is64()), Asm.r(i.f("rn"), i.is64()));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    LLVMValueRef a = e.reg(i.f("rn"), x);
    LLVMValueRef result = switch (name(i)) {
      case "rbit" -> ir.intrinsic("llvm.bitreverse", a);
      case "rev16" -> {
        long lowBytes = x ? 0x00ff00ff00ff00ffL : 0x00ff00ffL;
        yield ir.or(ir.and(ir.lshr(a, ir.c(a, 8)), ir.c(a, lowBytes)), ir.shl(ir.and(a, ir.c(a, lowBytes)), ir.c(a, 8)));
      }
      case "rev32" -> {
        LLVMValueRef swapped = ir.intrinsic("llvm.bswap", a);
        yield ir.intrinsic("llvm.fshr", swapped, swapped, ir.c(a, 32));
      }
      case "rev" -> ir.intrinsic("llvm.bswap", a);
      case "clz" -> ir.call(ir.m.intrinsicType("llvm.ctlz", ir.m.intType(x ? 64 : 32)),
          ir.m.intrinsic("llvm.ctlz", ir.m.intType(x ? 64 : 32)), a, ir.c(1, 0));
      default -> {
        // CLS = leading zeros of (x<w-1:1> XOR x<w-2:0>); the OR keeps the count below w.
        LLVMValueRef differing = ir.or(ir.xor(a, ir.shl(a, ir.c(a, 1))), ir.c(a, 1));
        yield ir.call(ir.m.intrinsicType("llvm.ctlz", ir.m.intType(x ? 64 : 32)),
            ir.m.intrinsic("llvm.ctlz", ir.m.intType(x ? 64 : 32)), differing, ir.c(1, 0));
      }
    };
    e.setReg(i.f("rd"), result);
  }
}
