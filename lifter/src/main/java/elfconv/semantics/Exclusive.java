package elfconv.semantics;

import static elfconv.runtime.GuestLayout.EXCLUSIVE_ADDRESS;
import static elfconv.runtime.GuestLayout.EXCLUSIVE_VALUE;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Load/store exclusive (LDXR, LDAXR, STXR, STLXR and the pair forms) with a monitor for one thread, and
 * load-acquire/store-release (LDAR, STLR), which on one thread are plain accesses. A store-exclusive succeeds when
 * the monitor holds its address and memory still holds what the exclusive load read, as QEMU decides.
 */
final class Exclusive implements Family {
  private static boolean pair(Insn i) {
    return i.f("o1") == 1;
  }

  private static boolean ordered(Insn i) {
    return i.f("o2") == 1;
  }

  private static boolean load(Insn i) {
    return i.f("L") == 1;
  }

  /** Bytes per register transferred. */
  private static int bytes(Insn i) {
    return pair(i) ? 4 << (i.f("size") & 1) : 1 << i.f("size");
  }

  @Override
  public String unallocated(Insn i) {
    if (ordered(i)) {
      if (pair(i) || i.f("o0") == 0) {
        return "CAS or LORegions (not in ARMv8.0)";
      }
    } else if (pair(i) && i.f("size") < 2) {
      return "CASP (not in ARMv8.0)";
    }
    // Fields a form does not use should be 11111. As LLVM does: loads and load-acquire/store-release require it
    // of Rs and (but for LDXP) of Rt2; a store-exclusive's unused Rt2 is ignored.
    boolean usesStatus = !load(i) && !ordered(i);
    if (!usesStatus && i.f("rs") != 31 || (load(i) || ordered(i)) && !pair(i) && i.f("rt2") != 31) {
      return "unused register field not 11111";
    }
    return load(i) && pair(i) && i.f("rt") == i.f("rt2") ? "load pair into one register twice (unpredictable)"
        : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean wide = pair(i) ? (i.f("size") & 1) == 1 : i.f("size") == 3;
    String size = pair(i) ? "" : i.f("size") == 0 ? "b" : i.f("size") == 1 ? "h" : "";
    String address = "[" + Asm.rsp(i.f("rn"), true) + "]";
    String rt = Asm.r(i.f("rt"), wide);
    if (ordered(i)) {
      return Asm.join((load(i) ? "ldar" : "stlr") + size, rt, address);
    }
    String acquireRelease = i.f("o0") == 1 ? (load(i) ? "a" : "l") : "";
    String name = (load(i) ? "ld" : "st") + acquireRelease + "x" + (pair(i) ? "p" : "r") + size;
    if (load(i)) {
      return pair(i) ? Asm.join(name, rt, Asm.r(i.f("rt2"), wide), address) : Asm.join(name, rt, address);
    }
    String status = Asm.r(i.f("rs"), false);
    return pair(i) ? Asm.join(name, status, rt, Asm.r(i.f("rt2"), wide), address) : Asm.join(name, status, rt, address);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int bytes = bytes(i);
    int width = bytes * 8;
    LLVMValueRef address = e.regOrSp(i.f("rn"), true);
    LLVMValueRef second = ir.add(address, ir.c(64, bytes));
    if (ordered(i)) {
      if (load(i)) {
        e.setReg(i.f("rt"), ir.zext(e.load(address, bytes), 64));
      } else {
        e.store(address, ir.trunc(e.reg(i.f("rt"), true), width));
      }
      return;
    }
    if (load(i)) {
      LLVMValueRef first = ir.zext(e.load(address, bytes), 64);
      e.setStateRegister(EXCLUSIVE_ADDRESS, ir.add(address, ir.c(64, 1)));
      e.setStateRegister(EXCLUSIVE_VALUE, first);
      e.setReg(i.f("rt"), first);
      if (pair(i)) {
        LLVMValueRef next = ir.zext(e.load(second, bytes), 64);
        e.setStateRegister(EXCLUSIVE_VALUE + 8, next);
        e.setReg(i.f("rt2"), next);
      }
      return;
    }
    LLVMValueRef holds = ir.and(
        ir.eq(e.stateRegister(EXCLUSIVE_ADDRESS), ir.add(address, ir.c(64, 1))),
        ir.eq(ir.zext(e.load(address, bytes), 64), e.stateRegister(EXCLUSIVE_VALUE)));
    if (pair(i)) {
      holds = ir.and(holds, ir.eq(ir.zext(e.load(second, bytes), 64), e.stateRegister(EXCLUSIVE_VALUE + 8)));
    }
    // Stores are unconditional in IR: the old value goes back where the exclusive store fails.
    LLVMValueRef value = ir.select(holds, ir.trunc(e.reg(i.f("rt"), true), width), e.load(address, bytes));
    e.store(address, value);
    if (pair(i)) {
      e.store(second, ir.select(holds, ir.trunc(e.reg(i.f("rt2"), true), width), e.load(second, bytes)));
    }
    e.setStateRegister(EXCLUSIVE_ADDRESS, ir.c(64, 0));
    e.setReg(i.f("rs"), ir.select(holds, ir.c(32, 0), ir.c(32, 1)));
  }
}
