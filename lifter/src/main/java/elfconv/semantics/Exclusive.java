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

  /**
   * Loads Rt (and Rt2 but for rt2 = -1) and sets the monitor to the address and the values read, as QEMU keeps them:
   * a pair of words as one doubleword value, a pair of doublewords as the value and a high half.
   */
  private static void loadExclusive(Emitter e, int rt, int rt2, int rn, int sz) {
    IrBuilder ir = e.ir;
    LLVMValueRef address = e.regOrSp(rn, true);
    e.setStateRegister(EXCLUSIVE_ADDRESS, ir.add(address, ir.c(64, 1)));
    if (rt2 >= 0 && sz == 2) {
      LLVMValueRef both = e.load(address, 8);
      e.setStateRegister(EXCLUSIVE_VALUE, both);
      e.setReg(rt, ir.trunc(both, 32));
      e.setReg(rt2, ir.trunc(ir.lshr(both, ir.c(64, 32)), 32));
      return;
    }
    LLVMValueRef first = ir.zext(e.load(address, 1 << sz), 64);
    e.setStateRegister(EXCLUSIVE_VALUE, first);
    e.setReg(rt, first);
    if (rt2 >= 0) {
      LLVMValueRef high = e.load(ir.add(address, ir.c(64, 8)), 8);
      e.setStateRegister(EXCLUSIVE_VALUE + 8, high);
      e.setReg(rt2, high);
    }
  }

  /**
   * Stores Rt (and Rt2 but for rt2 = -1) and sets Ws, as QEMU's compare-and-swap against the monitor does: at the
   * monitored address, the store happens when memory of the store's size still holds the monitored value cut to
   * that size (a pair of words compares as one doubleword, a pair of doublewords both halves), and Ws is 0 only
   * when the old memory equals the whole monitored value; elsewhere nothing is stored and Ws is 1. The monitor is
   * cleared.
   */
  private static void storeExclusive(Emitter e, int rs, int rt, int rt2, int rn, int sz) {
    IrBuilder ir = e.ir;
    LLVMValueRef address = e.regOrSp(rn, true);
    LLVMValueRef monitored = ir.eq(e.stateRegister(EXCLUSIVE_ADDRESS), ir.add(address, ir.c(64, 1)));
    LLVMValueRef value = e.stateRegister(EXCLUSIVE_VALUE);
    LLVMValueRef differs;
    // Stores are unconditional in IR: the old value goes back where the exclusive store does not happen.
    if (rt2 >= 0 && sz == 3) {
      LLVMValueRef second = ir.add(address, ir.c(64, 8));
      LLVMValueRef low = e.load(address, 8);
      LLVMValueRef high = e.load(second, 8);
      differs = ir.or(ir.ne(low, value), ir.ne(high, e.stateRegister(EXCLUSIVE_VALUE + 8)));
      LLVMValueRef swap = ir.and(monitored, ir.not(differs));
      e.store(address, ir.select(swap, e.reg(rt, true), low));
      e.store(second, ir.select(swap, e.reg(rt2, true), high));
    } else {
      int bytes = rt2 >= 0 ? 8 : 1 << sz;
      LLVMValueRef stored = rt2 >= 0
          ? ir.or(ir.zext(e.reg(rt, false), 64), ir.shl(ir.zext(e.reg(rt2, false), 64), ir.c(64, 32)))
          : ir.trunc(e.reg(rt, true), bytes * 8);
      LLVMValueRef old = e.load(address, bytes);
      LLVMValueRef swap = ir.and(monitored, ir.eq(old, ir.trunc(value, bytes * 8)));
      e.store(address, ir.select(swap, stored, old));
      differs = ir.ne(ir.zext(old, 64), value);
    }
    e.setStateRegister(EXCLUSIVE_ADDRESS, ir.c(64, 0));
    e.setReg(rs, ir.select(ir.and(monitored, ir.not(differs)), ir.c(32, 0), ir.c(32, 1)));
  }
}
