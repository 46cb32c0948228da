package elfconv.lift;

import static org.bytedeco.llvm.global.LLVM.LLVMAddFunction;
import static org.bytedeco.llvm.global.LLVM.LLVMDeleteFunction;
import static org.bytedeco.llvm.global.LLVM.LLVMSetTailCall;

import elfconv.a64.A64Decoder;
import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.semantics.Dispatch;
import elfconv.toolchain.Target;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lifts one guest function into one LLVM function {@code i64 fn_<entry>()} that returns the guest address to
 * continue at. A call returns natively; the caller compares the returned address with its own return address and,
 * when they differ (longjmp, a non-local return), resumes at another of its own blocks or passes the address up.
 */
final class FunctionLifter {
  private static final BitSet NONE = new BitSet();

  private final IrBuilder ir;
  private final RuntimeSymbols runtime;
  private final GuestFunction guest;
  private final LongFunction<LLVMValueRef> functionAt;
  private final LongFunction<BitSet> clobbersOf;
  private final LongFunction<BitSet> touchedBy;
  private final LLVMValueRef function;
  private final Emitter e;
  private final Map<Long, LLVMBasicBlockRef> blocks = new HashMap<>();
  /** Per block, the registers that may be dirty where it starts; null while scanning, which needs none. */
  private final Map<Long, BitSet> dirtyOnEntry;
  private final Set<Long> resumePoints;
  private long currentBlock;
  private LLVMValueRef resumeSlot;
  private LLVMBasicBlockRef faultBlock;
  private LLVMValueRef faultPc;
  private LLVMValueRef faultAddress;
  private LLVMBasicBlockRef resumeBlock;

  private FunctionLifter(IrBuilder ir, RuntimeSymbols runtime, Target target, GuestFunction guest,
      LLVMValueRef function, LongFunction<LLVMValueRef> functionAt, LongFunction<BitSet> clobbersOf,
      LongFunction<BitSet> touchedBy, BitSet slotted, Map<Long, BitSet> dirtyOnEntry, Set<Long> resumePoints,
      boolean flagsShared, boolean traceRegisters, boolean fpcrWritten, boolean fpsrRead) {
    this.ir = ir;
    this.dirtyOnEntry = dirtyOnEntry;
    this.resumePoints = resumePoints;
    this.runtime = runtime;
    this.guest = guest;
    this.function = function;
    this.functionAt = functionAt;
    this.clobbersOf = clobbersOf;
    this.touchedBy = touchedBy;
    this.e = new Emitter(ir, this, target, slotted, flagsShared, traceRegisters, fpcrWritten, fpsrRead);
  }

  /**
   * A first pass: lifts {@code guest} into a scratch function, with every register in a slot, to find what its
   * instructions do with the register file; the scratch function is deleted.
   */
  static RegisterUsage scan(IrBuilder ir, RuntimeSymbols runtime, Target target, GuestFunction guest,
      LongFunction<LLVMValueRef> functionAt) {
    LLVMValueRef scratch = LLVMAddFunction(ir.m.module(), guest.symbol() + ".scan", runtime.guestFunctionType);
    RegisterUsage usage =
        new FunctionLifter(ir, runtime, target, guest, scratch, functionAt, a -> RegisterFile.ALL,
            a -> RegisterFile.ALL, RegisterFile.ALL, null,
            guest.resumePoints(), true, false, false, false).liftBody();
    LLVMDeleteFunction(scratch);
    return usage;
  }

  /**
   * Lifts {@code guest} into {@code function}; only the registers it writes get slots, and a non-local return
   * resumes it only at {@code resumePoints}. A call to a lifted function writes back and reloads what
   * {@code effects} says the callee touches and clobbers. With {@code traceRegisters}, the runtime logs the
   * register file before every instruction.
   */
  static void lift(IrBuilder ir, RuntimeSymbols runtime, Target target, GuestFunction guest,
      LLVMValueRef function, LongFunction<LLVMValueRef> functionAt, CallEffects effects, RegisterUsage usage,
      Set<Long> resumePoints, boolean flagsShared, boolean traceRegisters, boolean fpcrWritten,
      boolean fpsrRead) {
    // The register log reads the whole register file inside every callee.
    LongFunction<BitSet> touchedBy = traceRegisters ? a -> RegisterFile.ALL : effects.touched()::get;
    new FunctionLifter(ir, runtime, target, guest, function, functionAt, effects.clobbers()::get, touchedBy,
        usage.written(), usage.branches().onEntry(touchedBy), resumePoints, flagsShared, traceRegisters,
        fpcrWritten, fpsrRead).liftBody();
  }

  RuntimeSymbols runtime() {
    return runtime;
  }

  /** A new block of this function, for control flow inside one instruction. */
  LLVMBasicBlockRef newBlock(String name) {
    return ir.block(function, name);
  }

  LLVMValueRef state() {
    return runtime.state;
  }

  /** Emits the function body; returns what its instructions did with the register file. */
  private RegisterUsage liftBody() {
    LLVMBasicBlockRef entry = ir.block(function, "entry");
    for (long address : guest.blocks().keySet()) {
      blocks.put(address, ir.block(function, "b_" + Long.toHexString(address)));
    }
    ir.at(entry);
    e.allocateSlots();
    resumeSlot = ir.alloca(ir.m.i64, "resume");
    ir.br(blocks.get(guest.entry()));
    for (Map.Entry<Long, List<Insn>> block : guest.blocks().entrySet()) {
      currentBlock = block.getKey();
      ir.at(blocks.get(currentBlock));
      e.enterBlock(dirtyOnEntry == null ? NONE : dirtyOnEntry.getOrDefault(currentBlock, NONE));
      Insn last = null;
      for (Insn insn : block.getValue()) {
        e.begin(insn);
        boolean readsFpcr = insn.op().readsFpcr();
        if (readsFpcr) {
          e.liftDependingOnFpcr(() -> Dispatch.lift(insn, e));
        } else {
          Dispatch.lift(insn, e);
        }
        last = insn;
      }
      if (!e.terminated()) {
        emitBranch(last.address() + 4);
      }
    }
    return e.usage();
  }

  /** Control leaves the function for an address it does not contain: a tail call, or back to the runtime. */
  private void leave(long target) {
    e.writeBack();
    LLVMValueRef callee = functionAt.apply(target);
    if (callee != null) {
      LLVMValueRef result = ir.call(runtime.guestFunctionType, callee);
      LLVMSetTailCall(result, 1);
      ir.ret(result);
    } else {
      e.notePc();
      ir.ret(ir.c(64, target));
    }
  }

  void emitBranch(long target) {
    LLVMBasicBlockRef block = ownBlock(target);
    if (block != null) {
      ir.br(block);
    } else {
      leave(target);
    }
  }

  void emitConditionalBranch(LLVMValueRef cond, long target, long next) {
    ir.condBr(cond, blockOrExit(target), blockOrExit(next));
  }

  /**
   * Where a branch to this function's block at {@code target} goes, noting the branch; null when there is no such
   * block. A branch carrying dirty registers the block does not start with writes them back on the way.
   */
  private LLVMBasicBlockRef ownBlock(long target) {
    LLVMBasicBlockRef block = blocks.get(target);
    if (block == null) {
      return null;
    }
    e.noteBranch(currentBlock, target);
    if (dirtyOnEntry == null) {
      return block;
    }
    BitSet extra = e.dirtyBeyond(dirtyOnEntry.getOrDefault(target, NONE));
    if (extra.isEmpty()) {
      return block;
    }
    LLVMBasicBlockRef here = ir.currentBlock();
    LLVMBasicBlockRef edge = ir.block(function, "into_" + Long.toHexString(target));
    ir.at(edge);
    e.writeBack(extra);
    ir.br(block);
    ir.at(here);
    return edge;
  }

  private LLVMBasicBlockRef blockOrExit(long target) {
    LLVMBasicBlockRef block = ownBlock(target);
    if (block != null) {
      return block;
    }
    LLVMBasicBlockRef here = ir.currentBlock();
    LLVMBasicBlockRef exit = ir.block(function, "exit_" + Long.toHexString(target));
    ir.at(exit);
    leave(target);
    ir.at(here);
    return exit;
  }

  /**
   * A direct call ({@code indirect == null}) or a call through a register, returning to {@code returnAddress}.
   * Dirty registers the callee does not touch stay in their slots across it, unless it does not come back.
   */
  void emitCall(long target, LLVMValueRef indirect, long returnAddress) {
    LLVMValueRef callee = indirect == null ? functionAt.apply(target) : null;
    BitSet touched = callee != null ? touchedBy.apply(target) : RegisterFile.ALL;
    BitSet deferred = e.dirtyBeyond(touched);
    e.writeBack(e.dirtyBeyond(deferred));
    LLVMValueRef next;
    if (callee != null) {
      next = ir.call(runtime.guestFunctionType, callee);
    } else {
      e.notePc();
      next = ir.call(runtime.dispatchType, runtime.dispatch, indirect != null ? indirect : ir.c(64, target));
    }
    // Back at the return address, only what the callee can change is reloaded; anywhere else, everything.
    LLVMBasicBlockRef returned = ir.block(function, "returned");
    LLVMBasicBlockRef elsewhere = ir.block(function, "elsewhere");
    ir.condBr(ir.eq(next, ir.c(64, returnAddress)), returned, elsewhere);
    ir.at(elsewhere);
    e.writeBack(deferred);
    ir.store(next, resumeSlot);
    ir.br(resumeBlock());
    ir.at(returned);
    e.reload(callee != null ? clobbersOf.apply(target) : PreservedRegisters.INDIRECT_CALL_CLOBBERS);
    e.synchronised(touched, callee != null ? target : DirtyRegisters.EVERYTHING);
    ir.br(blockOrExit(returnAddress));
  }

  /**
   * After a syscall: the runtime returns 0 to go on, or a guest address when a signal handler it ran left by
   * longjmp; that address is resumed here or passed up, as after a call that did not come back.
   */
  void emitSyscallExit(LLVMValueRef next) {
    ir.store(next, resumeSlot);
    LLVMBasicBlockRef after = ir.block(function, "after_svc_" + Long.toHexString(e.pc()));
    ir.condBr(ir.eq(next, ir.c(64, 0)), after, resumeBlock());
    ir.at(after);
  }

  void emitIndirectJump(LLVMValueRef target) {
    if (guest.indirectTargets().isEmpty()) {
      leaveIndirect(target);
      return;
    }
    LLVMBasicBlockRef here = ir.currentBlock();
    LLVMBasicBlockRef elsewhere = ir.block(function, "br_" + Long.toHexString(e.pc()));
    ir.at(elsewhere);
    leaveIndirect(target);
    ir.at(here);
    LLVMValueRef sw = ir.switchOn(target, elsewhere, guest.indirectTargets().size());
    for (long t : guest.indirectTargets()) {
      IrBuilder.addCase(sw, ir.c(64, t), ownBlock(t));
    }
  }

  /** An indirect jump out of the function: the runtime runs the function there, or passes the address up. */
  private void leaveIndirect(LLVMValueRef target) {
    e.writeBack();
    e.notePc();
    LLVMValueRef result = ir.call(runtime.dispatchType, runtime.dispatch, target);
    LLVMSetTailCall(result, 1);
    ir.ret(result);
  }

  /**
   * Branches to the function's one call of the runtime's fault handler when {@code outside} holds (a guest access
   * outside the window), else to {@code inside}.
   */
  void faultIf(LLVMValueRef outside, LLVMValueRef pc, LLVMValueRef address, LLVMBasicBlockRef inside) {
    LLVMBasicBlockRef here = ir.currentBlock();
    if (faultBlock == null) {
      faultBlock = ir.block(function, "fault");
      ir.at(faultBlock);
      faultPc = ir.phi(ir.m.i64);
      faultAddress = ir.phi(ir.m.i64);
      ir.call(runtime.faultType, runtime.fault, faultPc, faultAddress);
      ir.unreachable();
      ir.at(here);
    }
    IrBuilder.addIncoming(faultPc, pc, here);
    IrBuilder.addIncoming(faultAddress, address, here);
    ir.condBr(outside, faultBlock, inside);
  }

  /** Where a call that did not come back to its return address goes: another resume point here, or up. */
  private LLVMBasicBlockRef resumeBlock() {
    if (resumeBlock == null) {
      LLVMBasicBlockRef here = ir.currentBlock();
      resumeBlock = ir.block(function, "resume");
      LLVMBasicBlockRef up = ir.block(function, "resume_up");
      ir.at(resumeBlock);
      e.reload();
      LLVMValueRef next = ir.load(ir.m.i64, resumeSlot);
      LLVMValueRef sw = ir.switchOn(next, up, resumePoints.size());
      for (long point : resumePoints) {
        LLVMBasicBlockRef block = blocks.get(point);
        if (block != null) {
          IrBuilder.addCase(sw, ir.c(64, point), block);
        }
      }
      ir.at(up);
      ir.ret(next);
      ir.at(here);
    }
    return resumeBlock;
  }
}
