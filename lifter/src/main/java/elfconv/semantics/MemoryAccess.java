package elfconv.semantics;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * What a load or store does, from its size, opc and V fields; shared by every addressing mode. With {@code vector}
 * the register is a SIMD&FP register (B, H, S, D or Q by size).
 */
record MemoryAccess(boolean load, boolean prefetch, int bytes, boolean signed, boolean wide, boolean vector) {

  /** Null for the unallocated size/opc/V combinations. */
  static MemoryAccess of(int size, int opc, int v) {
    if (v == 1) {
      int bytes = opc >= 2 ? (size == 0 ? 16 : 0) : 1 << size;
      return bytes == 0 ? null : new MemoryAccess((opc & 1) == 1, false, bytes, false, false, true);
    }
    return of(size, opc);
  }

  /** The general-purpose forms; null for the unallocated size/opc combinations. */
  static MemoryAccess of(int size, int opc) {
    int bytes = 1 << size;
    return switch (opc) {
      case 0 -> new MemoryAccess(false, false, bytes, false, size == 3, false);
      case 1 -> new MemoryAccess(true, false, bytes, false, size == 3, false);
      case 2 -> size == 3 ? new MemoryAccess(false, true, 8, false, true, false)
          : new MemoryAccess(true, false, bytes, true, true, false);
      default -> size <= 1 ? new MemoryAccess(true, false, bytes, true, false, false) : null;
    };
  }

  /** The mnemonic with its addressing-mode infix: "" (scaled, pre/post), "u" (unscaled) or "t" (unprivileged). */
  String mnemonic(String infix) {
    if (prefetch) {
      return "prf" + infix + "m";
    }
    if (vector) {
      return (load ? "ld" : "st") + infix + "r";
    }
    String size = switch (bytes) {
      case 1 -> "b";
      case 2 -> "h";
      case 4 -> signed ? "w" : "";
      default -> "";
    };
    return (load ? "ld" : "st") + infix + "r" + (signed ? "s" : "") + size;
  }

  /** The transfer register as printed, or the prefetch operation. */
  String register(int rt) {
    return prefetch ? prefetchOperation(rt) : vector ? Asm.v(rt, bytes) : Asm.r(rt, wide);
  }

  /** log2 of the access size: the scale of scaled offsets and register shifts. */
  int scale() {
    return Integer.numberOfTrailingZeros(bytes);
  }

  private static String prefetchOperation(int op) {
    int type = op >> 3;
    int target = (op >> 1) & 3;
    if (type == 3 || target == 3) {
      return Asm.imm(op);
    }
    return new String[] {"pld", "pli", "pst"}[type] + "l" + (target + 1) + ((op & 1) == 0 ? "keep" : "strm");
  }

  void perform(Emitter e, LLVMValueRef address, int rt) {
    IrBuilder ir = e.ir;
    if (prefetch) {
      return;
    }
    if (vector) {
      if (load) {
        e.setVreg(rt, e.load(address, bytes));
      } else {
        e.store(address, e.vreg(rt, bytes));
      }
      return;
    }
    if (load) {
      LLVMValueRef value = e.load(address, bytes);
      int width = wide ? 64 : 32;
      e.setReg(rt, signed ? ir.sext(value, width) : ir.zext(value, width));
    } else {
      e.store(address, ir.trunc(e.reg(rt, true), bytes * 8));
    }
  }
}
