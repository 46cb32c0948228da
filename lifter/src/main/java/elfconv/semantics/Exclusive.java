package elfconv.semantics;

import static elfconv.runtime.GuestLayout.EXCLUSIVE_ADDRESS;
import static elfconv.runtime.GuestLayout.EXCLUSIVE_VALUE;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Load/store exclusive (LDXR, LDAXR, STXR, STLXR and the pair forms) with a monitor for one thread, and
 * load-acquire/store-release (LDAR, STLR), which on one thread are plain accesses. A store-exclusive succeeds when
 * the monitor holds its address and memory still holds what the exclusive load read, as QEMU decides. Ordering
 * (lasr) means nothing on one thread.
 */
final class Exclusive {
  private Exclusive() {}

  static void STXR(Args.ExclStore a, Emitter e) {
    storeExclusive(e, a.rs(), a.rt(), -1, a.rn(), a.sz());
  }

  static void LDXR(Args.Excl a, Emitter e) {
    loadExclusive(e, a.rt(), -1, a.rn(), a.sz());
  }

  static void STXP(Args.ExclStorePair a, Emitter e) {
    storeExclusive(e, a.rs(), a.rt(), a.rt2(), a.rn(), a.sz());
  }

  static void LDXP(Args.ExclPair a, Emitter e) {
    loadExclusive(e, a.rt(), a.rt2(), a.rn(), a.sz());
  }

  static void STLR(Args.Excl a, Emitter e) {
    e.store(e.regOrSp(a.rn(), true), e.ir.trunc(e.reg(a.rt(), true), 8 << a.sz()));
  }

  static void LDAR(Args.Excl a, Emitter e) {
    e.setReg(a.rt(), e.ir.zext(e.load(e.regOrSp(a.rn(), true), 1 << a.sz()), 64));
  }

  /** Loads Rt (and Rt2 but for rt2 = -1) and sets the monitor to the address and the values read. */
  private static void loadExclusive(Emitter e, int rt, int rt2, int rn, int sz) {
    IrBuilder ir = e.ir;
    int bytes = 1 << sz;
    LLVMValueRef address = e.regOrSp(rn, true);
    LLVMValueRef first = ir.zext(e.load(address, bytes), 64);
    e.setStateRegister(EXCLUSIVE_ADDRESS, ir.add(address, ir.c(64, 1)));
    e.setStateRegister(EXCLUSIVE_VALUE, first);
    e.setReg(rt, first);
    if (rt2 >= 0) {
      LLVMValueRef next = ir.zext(e.load(ir.add(address, ir.c(64, bytes)), bytes), 64);
      e.setStateRegister(EXCLUSIVE_VALUE + 8, next);
      e.setReg(rt2, next);
    }
  }

  /** Stores Rt (and Rt2 but for rt2 = -1) if the monitor holds, clears it, and sets Ws to 0 on success, else 1. */
  private static void storeExclusive(Emitter e, int rs, int rt, int rt2, int rn, int sz) {
    IrBuilder ir = e.ir;
    int bytes = 1 << sz;
    int width = bytes * 8;
    LLVMValueRef address = e.regOrSp(rn, true);
    LLVMValueRef second = ir.add(address, ir.c(64, bytes));
    LLVMValueRef holds = ir.and(
        ir.eq(e.stateRegister(EXCLUSIVE_ADDRESS), ir.add(address, ir.c(64, 1))),
        ir.eq(ir.zext(e.load(address, bytes), 64), e.stateRegister(EXCLUSIVE_VALUE)));
    if (rt2 >= 0) {
      holds = ir.and(holds, ir.eq(ir.zext(e.load(second, bytes), 64), e.stateRegister(EXCLUSIVE_VALUE + 8)));
    }
    // Stores are unconditional in IR: the old value goes back where the exclusive store fails.
    e.store(address, ir.select(holds, ir.trunc(e.reg(rt, true), width), e.load(address, bytes)));
    if (rt2 >= 0) {
      e.store(second, ir.select(holds, ir.trunc(e.reg(rt2, true), width), e.load(second, bytes)));
    }
    e.setStateRegister(EXCLUSIVE_ADDRESS, ir.c(64, 0));
    e.setReg(rs, ir.select(holds, ir.c(32, 0), ir.c(32, 1)));
  }
}
