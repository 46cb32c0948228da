package elfconv.lift;

import static elfconv.runtime.GuestLayout.PC;
import static elfconv.runtime.GuestLayout.X86_64_GUARD;
import static elfconv.runtime.GuestLayout.X86_64_GUEST_BASE;
import static org.bytedeco.llvm.global.LLVM.LLVMAdd;
import static org.bytedeco.llvm.global.LLVM.LLVMConstIntGetSExtValue;
import static org.bytedeco.llvm.global.LLVM.LLVMGetInstructionOpcode;
import static org.bytedeco.llvm.global.LLVM.LLVMGetOperand;
import static org.bytedeco.llvm.global.LLVM.LLVMIsAConstantInt;
import static org.bytedeco.llvm.global.LLVM.LLVMIsAInstruction;
import static org.bytedeco.llvm.global.LLVM.LLVMSub;
import static org.bytedeco.llvm.global.LLVM.LLVMTypeOf;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.toolchain.Target;
import java.util.BitSet;
import java.util.Optional;
import java.util.function.Supplier;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * What instruction semantics are written against: guest registers, NZCV as four lazily used i1 values, guest
 * memory, and guest control flow.
 *
 * <p>The registers and flags are kept by a {@link RegisterFile}; what the instructions do with them is recorded by a
 * {@link RegisterUsageRecorder}.
 */
public final class Emitter {
  /** The largest displacement folded into a host address: the guard less the widest access (64 bytes), rounded. */
  private static final long MAX_DISPLACEMENT = X86_64_GUARD - (64 << 10);
  /** The bits of a data address that select a byte: AArch64 Linux user space ignores the top byte (TBI). */
  private static final long ADDRESS_BITS = 0x00ff_ffff_ffff_ffffL;

  public final IrBuilder ir;
  private final FunctionLifter function;
  private final Target target;
  private final RegisterFile registers;
  private final RegisterUsageRecorder recorder = new RegisterUsageRecorder();
  private final boolean traceRegisters;
  private final boolean fpcrWritten;
  private final boolean fpsrRead;
  private boolean exactFloat;
  private boolean floatExceptionsElsewhere;
  /**
   * The operands of the subtraction that set the flags (CMP, SUBS), while the flags are still its and control has
   * not left the block: a condition on the flags is then one comparison of the operands, which LLVM turns into a
   * compare-and-branch where four flag values combined would not fold.
   */
  private LLVMValueRef minuend;
  private LLVMValueRef subtrahend;
  /**
   * The last UDIV/SDIV of this block while its quotient, dividend and divisor registers still hold them: an MSUB
   * of quotient times divisor from the dividend (how compilers write {@code %}) is then its remainder, which a host
   * division yields with the quotient (x86's IDIV) instead of a multiplication and a subtraction after it.
   */
  private Division division;

  private record Division(int quotient, int dividend, int divisor, boolean is64, LLVMValueRef remainder) {
    boolean holds(int register) {
      return register == quotient || register == dividend || register == divisor;
    }
  }
  private Insn insn;
  private boolean terminated;

  Emitter(IrBuilder ir, FunctionLifter function, Target target, BitSet slotted, boolean flagsShared,
      boolean traceRegisters, boolean fpcrWritten, boolean fpsrRead) {
    this.ir = ir;
    this.fpcrWritten = fpcrWritten;
    this.fpsrRead = fpsrRead;
    this.function = function;
    this.target = target;
    this.registers = new RegisterFile(ir, function.state(), slotted, flagsShared);
    this.traceRegisters = traceRegisters;
  }

  /** Creates the slots and fills them from the guest state; call in the function's entry block. */
  void allocateSlots() {
    registers.allocateSlots();
  }

  /** What the lifted instructions did with the register file. */
  RegisterUsage usage() {
    return recorder.usage(registers.branches());
  }

  /** A guest block starts; {@code dirtyOnEntry} may be dirty there. */
  void enterBlock(BitSet dirtyOnEntry) {
    forgetOperands();
    registers.enterBlock(dirtyOnEntry);
  }

  /** Records a branch from guest block {@code from} to this function's block {@code to}. */
  void noteBranch(long from, long to) {
    registers.noteBranch(from, to);
  }

  /** The registers dirty here that are not in {@code expected}. */
  BitSet dirtyBeyond(BitSet expected) {
    return registers.dirtyBeyond(expected);
  }

  /**
   * The slots of {@code synced} and the guest state agree ({@link RegisterFile#synchronised}); the flags may no longer
   * be those of the last compare.
   */
  void synchronised(BitSet synced, long callee) {
    minuend = null;
    registers.synchronised(synced, callee);
  }

  /** The registers and flags may hold other values than the last compare and division left in them. */
  private void forgetOperands() {
    minuend = null;
    division = null;
  }

  void begin(Insn next) {
    this.insn = next;
    this.terminated = false;
    if (traceRegisters) {
      // The whole register file is in the guest state before every instruction, for the runtime to log.
      writeBack();
      ir.call(function.runtime().traceRegistersType, function.runtime().traceRegisters, ir.c(64, pc()));
    }
  }

  boolean terminated() {
    return terminated;
  }

  public Insn insn() {
    return insn;
  }

  public long pc() {
    return insn.address();
  }

  // ---- registers

  private LLVMValueRef stateField(long offset) {
    return ir.offset(function.state(), offset);
  }

  /** Register n (31 = SP) as 64 bits, noted as read by this instruction. */
  private LLVMValueRef read(int n) {
    recorder.registerRead(insn, n);
    return registers.read(n);
  }

  /** Writes register n (31 = SP), noted as written by this instruction. */
  private void write(int n, LLVMValueRef value) {
    if (division != null && division.holds(n)) {
      division = null;
    }
    recorder.registerWritten(pc(), n);
    registers.write(n, value);
  }

  /** Xn or Wn, where register 31 reads as zero. */
  public LLVMValueRef reg(int n, boolean is64) {
    return n == 31 ? ir.c(is64 ? 64 : 32, 0) : ir.trunc(read(n), is64 ? 64 : 32);
  }

  /** Xn or Wn, where register 31 is the stack pointer. */
  public LLVMValueRef regOrSp(int n, boolean is64) {
    return ir.trunc(read(n), is64 ? 64 : 32);
  }

  /** Writes Xn (a 32-bit value is zero-extended, as writing Wn does); register 31 discards. */
  public void setReg(int n, LLVMValueRef value) {
    if (n != 31) {
      write(n, value);
    }
  }

  /** Writes Xn, where register 31 is the stack pointer. */
  public void setRegOrSp(int n, LLVMValueRef value) {
    write(n, value);
  }

  /**
   * After {@code Rd = Rn / Rm} has been written: {@code remainder} is Rn - Rd * Rm, for an MSUB that asks for it
   * while the three registers are unchanged (unused, LLVM deletes it).
   */
  public void noteDivision(int rd, int rn, int rm, boolean is64, LLVMValueRef remainder) {
    division = rd == 31 || rd == rn || rd == rm ? null : new Division(rd, rn, rm, is64, remainder);
  }

  /** {@code Ra - Rn * Rm} as the remainder of the block's last division, when it is that ({@link #noteDivision}). */
  public Optional<LLVMValueRef> remainder(int rn, int rm, int ra, boolean is64) {
    Division d = division;
    boolean matches = d != null && d.is64 == is64 && ra == d.dividend
        && (rn == d.quotient && rm == d.divisor || rm == d.quotient && rn == d.divisor);
    return matches ? Optional.of(d.remainder) : Optional.empty();
  }

  /** The low {@code bytes} bytes of SIMD&FP register Vn (kept in the guest state). */
  public LLVMValueRef vreg(int n, int bytes) {
    return ir.trunc(ir.loadState(ir.m.i128, stateField(elfconv.runtime.GuestLayout.V0 + 16L * n)), bytes * 8);
  }

  /** Writes Vn; a narrower value is zero-extended, as every scalar write of a SIMD&FP register does. */
  public void setVreg(int n, LLVMValueRef value) {
    ir.storeState(ir.zext(value, 128), stateField(elfconv.runtime.GuestLayout.V0 + 16L * n));
  }

  /** A system register kept in the guest state (TPIDR_EL0, FPCR, FPSR), by its GuestLayout offset. */
  public LLVMValueRef stateRegister(long offset) {
    return ir.loadState(ir.m.i64, stateField(offset));
  }

  public void setStateRegister(long offset, LLVMValueRef value) {
    ir.storeState(value, stateField(offset));
  }

  // ---- floating point

  /**
   * Lifts an FP instruction whose result depends on FPCR with {@code lift}, once for the default FP environment.
   * Where the program can write FPCR ({@link FloatEnvironment}), a non-default FPCR (rounding mode, flush-to-zero,
   * default NaN, alternative half precision) takes a second copy lifted in exact mode ({@link #exactFloat()}):
   * every element goes to the runtime's exact emulation. Elsewhere FPCR keeps its initial 0 and this costs nothing.
   */
  void liftDependingOnFpcr(Runnable lift) {
    if (!fpcrWritten) {
      lift.run();
      return;
    }
    LLVMValueRef fpcr = stateRegister(elfconv.runtime.GuestLayout.FPCR);
    LLVMBasicBlockRef exact = newBlock("fp_exact");
    LLVMBasicBlockRef fast = newBlock("fp_native");
    LLVMBasicBlockRef next = newBlock("fp_next");
    ir.condBr(ir.eq(ir.and(fpcr, ir.c(64, FloatEnvironment.NON_DEFAULT_FPCR)), ir.c(64, 0)), fast, exact);
    ir.at(exact);
    exactFloat = true;
    try {
      lift.run();
    } finally {
      exactFloat = false;
    }
    ir.br(next);
    ir.at(fast);
    lift.run();
    ir.br(next);
    ir.at(next);
  }

  /** Whether the FP instruction being lifted runs under a non-default FPCR: its elements by the runtime, exactly. */
  public boolean exactFloat() {
    return exactFloat;
  }

  /** One element of an FP operation by the runtime, exactly under the current FPCR (elfconv_fp_element). */
  public LLVMValueRef floatElement(int operation, LLVMValueRef a, LLVMValueRef b, LLVMValueRef c) {
    RuntimeSymbols runtime = function.runtime();
    return ir.call(runtime.fpElementType, runtime.fpElement, ir.c(32, operation), a, b, c);
  }

  /**
   * Whether FP exceptions are to be computed inline: the program can read FPSR ({@link FloatEnvironment}), and the
   * instruction does not get them another way ({@link #withoutFloatExceptions}).
   */
  public boolean floatExceptionsObserved() {
    return fpsrRead && !floatExceptionsElsewhere;
  }

  /** Whether the program can read FPSR's cumulative exception flags. */
  public boolean fpsrRead() {
    return fpsrRead;
  }

  /** Lifts {@code lift} with no inline FP exception code: the caller computes the flags another way. */
  public LLVMValueRef withoutFloatExceptions(java.util.function.Supplier<LLVMValueRef> lift) {
    boolean before = floatExceptionsElsewhere;
    floatExceptionsElsewhere = true;
    try {
      return lift.get();
    } finally {
      floatExceptionsElsewhere = before;
    }
  }

  /** ORs FP exception bits (IOC, DZC, OFC, UFC, IXC as in FPSR; an i32) into FPSR's cumulative flags. */
  public void raiseFloatExceptions(LLVMValueRef exceptions) {
    long fpsr = elfconv.runtime.GuestLayout.FPSR;
    setStateRegister(fpsr, ir.or(stateRegister(fpsr), ir.zext(exceptions, 64)));
  }

  /** Inexact and Underflow of a double-precision result from finite operands, by the runtime's exact check. */
  public LLVMValueRef arithmeticExceptions(int operation, LLVMValueRef a, LLVMValueRef b, LLVMValueRef c,
      LLVMValueRef result) {
    RuntimeSymbols runtime = function.runtime();
    return ir.call(runtime.fpExceptionsType, runtime.fpExceptions, ir.c(32, operation), a, b, c, result);
  }

  /**
   * The values of {@code usual} where {@code common} holds, else those of {@code rare}, on a branch: the rare case
   * stays off the hot path, and the usual one may do what is only safe under {@code common} (e.g. divide).
   */
  public LLVMValueRef[] unlessRare(LLVMValueRef common, Supplier<LLVMValueRef[]> usual, Supplier<LLVMValueRef[]> rare) {
    LLVMBasicBlockRef rareBlock = newBlock("rare");
    LLVMBasicBlockRef usualBlock = newBlock("usual");
    LLVMBasicBlockRef join = newBlock("joined");
    ir.condBr(common, usualBlock, rareBlock);
    ir.at(rareBlock);
    LLVMValueRef[] rareValues = rare.get();
    LLVMBasicBlockRef rareEnd = ir.currentBlock();
    ir.br(join);
    ir.at(usualBlock);
    LLVMValueRef[] usualValues = usual.get();
    LLVMBasicBlockRef usualEnd = ir.currentBlock();
    ir.br(join);
    ir.at(join);
    LLVMValueRef[] joined = new LLVMValueRef[usualValues.length];
    for (int k = 0; k < joined.length; k++) {
      joined[k] = ir.phi(LLVMTypeOf(usualValues[k]), new LLVMValueRef[] {rareValues[k], usualValues[k]},
          new LLVMBasicBlockRef[] {rareEnd, usualEnd});
    }
    return joined;
  }

  /** A new block of the function, for control flow inside one instruction (e.g. a rarely taken slow path). */
  public LLVMBasicBlockRef newBlock(String name) {
    return function.newBlock(name + "_" + Long.toHexString(pc()));
  }

  /** The fused multiply-add of doubles, rounded once (the runtime's, as neither target has an instruction). */
  public LLVMValueRef fusedMultiplyAdd64(LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    RuntimeSymbols runtime = function.runtime();
    return ir.call(runtime.fma64Type, runtime.fma64, x, y, z);
  }

  // ---- flags

  public void setFlags(LLVMValueRef n, LLVMValueRef z, LLVMValueRef c, LLVMValueRef v) {
    minuend = null;
    recorder.flagsWritten(pc());
    registers.setFlags(n, z, c, v);
  }

  /** NZCV of {@code x - y}, as CMP and SUBS set them; conditions on them compare x and y. */
  public void setSubtractionFlags(LLVMValueRef x, LLVMValueRef y, LLVMValueRef n, LLVMValueRef z, LLVMValueRef c,
      LLVMValueRef v) {
    setFlags(n, z, c, v);
    minuend = x;
    subtrahend = y;
  }

  /** N and Z from a result; C and V cleared (logical operations). */
  public void setLogicalFlags(LLVMValueRef result) {
    setFlags(ir.slt(result, ir.c(result, 0)), ir.eq(result, ir.c(result, 0)), ir.c(1, 0), ir.c(1, 0));
  }

  public LLVMValueRef n() { return flag(0); }
  public LLVMValueRef z() { return flag(1); }
  public LLVMValueRef carry() { return flag(2); }
  public LLVMValueRef v() { return flag(3); }

  /** Flag i of N, Z, C, V, noted as read by this instruction. */
  private LLVMValueRef flag(int i) {
    recorder.flagsRead(pc());
    return registers.flag(i);
  }

  /** NZCV packed as MRS NZCV reads it (bits 31..28). */
  public LLVMValueRef packedFlags() {
    LLVMValueRef word = ir.c(64, 0);
    LLVMValueRef[] bits = {n(), z(), carry(), v()};
    for (int i = 0; i < 4; i++) {
      word = ir.or(word, ir.shl(ir.zext(bits[i], 64), ir.c(64, 31 - i)));
    }
    return word;
  }

  public void setPackedFlags(LLVMValueRef word) {
    setFlags(ir.bit(word, 31), ir.bit(word, 30), ir.bit(word, 29), ir.bit(word, 28));
  }

  /** ConditionHolds() of the Arm ARM for a 4-bit condition code. */
  public LLVMValueRef condition(int cond) {
    if (minuend != null) {
      LLVMValueRef x = minuend;
      LLVMValueRef y = subtrahend;
      LLVMValueRef compared = switch (cond) {
        case 0 -> ir.eq(x, y);
        case 1 -> ir.ne(x, y);
        case 2 -> ir.uge(x, y);
        case 3 -> ir.ult(x, y);
        case 8 -> ir.ugt(x, y);
        case 9 -> ir.ule(x, y);
        case 10 -> ir.sge(x, y);
        case 11 -> ir.slt(x, y);
        case 12 -> ir.sgt(x, y);
        case 13 -> ir.sle(x, y);
        default -> null; // MI, PL, VS, VC, AL, NV: from the flags
      };
      if (compared != null) {
        recorder.flagsCompared(pc());
        return compared;
      }
    }
    LLVMValueRef result = switch (cond >> 1) {
      case 0 -> z();
      case 1 -> carry();
      case 2 -> n();
      case 3 -> v();
      case 4 -> ir.and(carry(), ir.not(z()));
      case 5 -> ir.eq(n(), v());
      case 6 -> ir.and(ir.eq(n(), v()), ir.not(z()));
      default -> ir.c(1, 1);
    };
    return (cond & 1) == 1 && cond != 15 ? ir.not(result) : result;
  }

  // ---- memory

  /**
   * The host pointer of a 64-bit guest address. AArch64 Linux ignores an address's top byte (TBI); the other 56 bits
   * must lie inside the guest window, or the access faults (SIGSEGV) as under QEMU, whatever the address: there is
   * no wrap-around. On x86_64 unmapped pages of the window are inaccessible host pages, so an access there faults by
   * itself; wasm32 has no page protection, so there the check also keeps the shadow stack below the guest's lowest
   * address out of reach.
   */
  private LLVMValueRef hostPointer(LLVMValueRef guestAddress) {
    long windowSize = function.runtime().windowSize;
    if (target == Target.WASM32) {
      long lowest = Target.WASM32_SHADOW_STACK_SIZE;
      LLVMValueRef untagged = ir.and(guestAddress, ir.c(64, ADDRESS_BITS));
      faultIf(ir.uge(ir.sub(untagged, ir.c(64, lowest)), ir.c(64, windowSize - lowest)), guestAddress);
      return ir.intToPtr(ir.trunc(guestAddress, 32));
    }
    // register + displacement becomes base + (register within the window) + displacement, so that x86 folds the
    // displacement into the access and shares the check and the masking among all accesses off the same register.
    // A window address plus such a displacement stays inside the window or in the guard bands around it, which fault.
    long displacement = 0;
    LLVMValueRef register = guestAddress;
    while (true) {
      int opcode = isNull(LLVMIsAInstruction(register)) ? 0 : LLVMGetInstructionOpcode(register);
      LLVMValueRef constant = opcode == LLVMAdd || opcode == LLVMSub ? LLVMIsAConstantInt(LLVMGetOperand(register, 1))
          : null;
      if (isNull(constant)) {
        break;
      }
      long term = opcode == LLVMAdd ? LLVMConstIntGetSExtValue(constant) : -LLVMConstIntGetSExtValue(constant);
      if (Math.abs(displacement + term) > MAX_DISPLACEMENT) {
        break;
      }
      displacement += term;
      register = LLVMGetOperand(register, 0);
    }
    faultIf(ir.ne(ir.and(register, ir.c(64, ADDRESS_BITS & -windowSize)), ir.c(64, 0)), guestAddress);
    LLVMValueRef offset = windowSize == 1L << 32 ? ir.zext(ir.trunc(register, 32), 64)
        : ir.and(register, ir.c(64, windowSize - 1));
    LLVMValueRef window = ir.index(ir.constPointer(X86_64_GUEST_BASE), offset);
    return displacement == 0 ? window : ir.index(window, ir.c(64, displacement));
  }

  private static boolean isNull(LLVMValueRef value) {
    return value == null || value.isNull();
  }

  /** Where {@code outside} holds, the guest dies of a fault at {@code guestAddress}; elsewhere the access goes on. */
  private void faultIf(LLVMValueRef outside, LLVMValueRef guestAddress) {
    LLVMBasicBlockRef access = function.newBlock("inside");
    function.faultIf(outside, ir.c(64, pc()), guestAddress, access);
    ir.at(access);
  }

  /** Loads {@code bytes} bytes from guest memory as an integer of that width. */
  public LLVMValueRef load(LLVMValueRef address, int bytes) {
    return ir.loadMemory(ir.m.intType(bytes * 8), hostPointer(address));
  }

  public void store(LLVMValueRef address, LLVMValueRef value) {
    ir.storeMemory(value, hostPointer(address));
  }

  // ---- control flow

  /** Jumps to a guest address known at translation time. */
  public void branch(long targetAddress) {
    function.emitBranch(targetAddress);
    terminated = true;
  }

  /** Jumps to {@code targetAddress} when cond holds, else continues with the next instruction. */
  public void branchIf(LLVMValueRef cond, long targetAddress) {
    function.emitConditionalBranch(cond, targetAddress, pc() + 4);
    terminated = true;
  }

  public void call(long targetAddress) {
    setReg(30, ir.c(64, pc() + 4));
    function.emitCall(targetAddress, null, pc() + 4);
    terminated = true;
  }

  public void callIndirect(LLVMValueRef targetAddress) {
    setReg(30, ir.c(64, pc() + 4));
    function.emitCall(0, targetAddress, pc() + 4);
    terminated = true;
  }

  public void jumpIndirect(LLVMValueRef targetAddress) {
    function.emitIndirectJump(targetAddress);
    terminated = true;
  }

  public void ret(LLVMValueRef targetAddress) {
    writeBack();
    ir.ret(targetAddress);
    terminated = true;
  }

  public void syscall() {
    writeBack();
    LLVMValueRef next = ir.call(function.runtime().syscallType, function.runtime().syscall);
    reload();
    synchronised(RegisterFile.ALL, DirtyRegisters.EVERYTHING);
    function.emitSyscallExit(next);
  }

  /** CNTVCT_EL0, from the runtime's monotonic clock. */
  public LLVMValueRef counter() {
    return ir.call(function.runtime().counterType, function.runtime().counter);
  }

  /** Entry {@code index} (an i32 below the table's length) of a constant i32 table shared by the module. */
  public LLVMValueRef tableEntry(String name, int[] table, LLVMValueRef index) {
    LLVMValueRef global = ir.m.constantTable(name, table);
    return ir.load(ir.m.i32, ir.index(global, ir.mul(ir.zext(index, 64), ir.c(64, 4))));
  }

  /** Ends the guest by a signal, as executing this instruction would (SIGILL, SIGTRAP). */
  public void trap(int signal) {
    RuntimeSymbols runtime = function.runtime();
    ir.call(runtime.trapType, runtime.trap, ir.c(64, pc()), ir.c(32, insn.word()), ir.c(32, signal));
    ir.unreachable();
    terminated = true;
  }

  /** Records the address of the current indirect branch for the runtime's diagnostics. */
  void notePc() {
    ir.storeState(ir.c(64, pc()), stateField(PC));
  }

  /** Stores the dirty slotted registers and flags into the global guest state. */
  void writeBack() {
    registers.writeBack();
  }

  /** Stores those of {@code subset} that are slotted (flags: bit FLAGS, where shared); they stay dirty here. */
  void writeBack(BitSet subset) {
    registers.writeBack(subset);
  }

  /** Loads the slotted registers and flags from the global guest state. */
  void reload() {
    forgetOperands();
    registers.reload();
  }

  /** Loads those of {@code changed} that are slotted (flags: bit FLAGS) from the global guest state. */
  void reload(BitSet changed) {
    forgetOperands();
    registers.reload(changed);
  }
}
