package elfconv.lift;

import static elfconv.runtime.GuestLayout.NZCV;
import static elfconv.runtime.GuestLayout.PC;
import static elfconv.runtime.GuestLayout.X0;
import static elfconv.runtime.GuestLayout.X86_64_GUEST_BASE;

import elfconv.a64.Insn;
import elfconv.toolchain.Target;
import elfconv.ir.IrBuilder;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * What instruction semantics are written against: guest registers held in function-local slots (LLVM turns them
 * into SSA values), NZCV as four lazily used i1 values, guest memory, and guest control flow. Registers are written
 * back to the global guest state only where another function or the runtime can see them.
 */
public final class Emitter {
  private static final int SP = 31;
  private static final long SP_OFFSET = elfconv.runtime.GuestLayout.SP;

  public final IrBuilder ir;
  private final FunctionLifter function;
  private final Target target;
  private final LLVMValueRef[] regs = new LLVMValueRef[32];
  private final LLVMValueRef[] flags = new LLVMValueRef[4];
  private Insn insn;
  private boolean terminated;

  Emitter(IrBuilder ir, FunctionLifter function, Target target) {
    this.ir = ir;
    this.function = function;
    this.target = target;
  }

  /** Creates the register slots and fills them from the guest state; call in the function's entry block. */
  void allocateSlots() {
    for (int i = 0; i < 32; i++) {
      regs[i] = ir.alloca(ir.m.i64, i == SP ? "sp" : "x" + i);
    }
    String[] names = {"n", "z", "c", "v"};
    for (int i = 0; i < 4; i++) {
      flags[i] = ir.alloca(ir.m.i1, names[i]);
    }
    reload();
  }

  void begin(Insn next) {
    this.insn = next;
    this.terminated = false;
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

  /** Xn or Wn, where register 31 reads as zero. */
  public LLVMValueRef reg(int n, boolean is64) {
    if (n == 31) {
      return ir.c(is64 ? 64 : 32, 0);
    }
    return ir.trunc(ir.load(ir.m.i64, regs[n]), is64 ? 64 : 32);
  }

  /** Xn or Wn, where register 31 is the stack pointer. */
  public LLVMValueRef regOrSp(int n, boolean is64) {
    return ir.trunc(ir.load(ir.m.i64, regs[n]), is64 ? 64 : 32);
  }

  /** Writes Xn (a 32-bit value is zero-extended, as writing Wn does); register 31 discards. */
  public void setReg(int n, LLVMValueRef value) {
    if (n != 31) {
      ir.store(ir.zext(value, 64), regs[n]);
    }
  }

  /** Writes Xn, where register 31 is the stack pointer. */
  public void setRegOrSp(int n, LLVMValueRef value) {
    ir.store(ir.zext(value, 64), regs[n]);
  }

  /** A system register kept in the guest state (TPIDR_EL0, FPCR, FPSR), by its GuestLayout offset. */
  public LLVMValueRef stateRegister(long offset) {
    return ir.loadState(ir.m.i64, stateField(offset));
  }

  public void setStateRegister(long offset, LLVMValueRef value) {
    ir.storeState(value, stateField(offset));
  }

  // ---- flags

  public void setFlags(LLVMValueRef n, LLVMValueRef z, LLVMValueRef c, LLVMValueRef v) {
    ir.store(n, flags[0]);
    ir.store(z, flags[1]);
    ir.store(c, flags[2]);
    ir.store(v, flags[3]);
  }

  /** N and Z from a result; C and V cleared (logical operations). */
  public void setLogicalFlags(LLVMValueRef result) {
    setFlags(ir.slt(result, ir.c(result, 0)), ir.eq(result, ir.c(result, 0)), ir.c(1, 0), ir.c(1, 0));
  }

  public LLVMValueRef n() { return ir.load(ir.m.i1, flags[0]); }
  public LLVMValueRef z() { return ir.load(ir.m.i1, flags[1]); }
  public LLVMValueRef carry() { return ir.load(ir.m.i1, flags[2]); }
  public LLVMValueRef v() { return ir.load(ir.m.i1, flags[3]); }

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

  /** The host pointer of a 64-bit guest address: only its low 32 bits select a byte of the guest window. */
  private LLVMValueRef hostPointer(LLVMValueRef guestAddress) {
    LLVMValueRef low = ir.trunc(guestAddress, 32);
    if (target == Target.WASM32) {
      return ir.intToPtr(low);
    }
    // Indexing off the base keeps base + index addressing available to the x86 instruction selector.
    return ir.index(ir.constPointer(X86_64_GUEST_BASE), ir.zext(low, 64));
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
    ir.call(function.runtime().syscallType, function.runtime().syscall);
    reload();
  }

  /** Records the address of the current indirect branch for the runtime's diagnostics. */
  void notePc() {
    ir.storeState(ir.c(64, pc()), stateField(PC));
  }

  /** Stores every register and the flags into the global guest state. */
  void writeBack() {
    for (int i = 0; i < 32; i++) {
      ir.storeState(ir.load(ir.m.i64, regs[i]), stateField(i == SP ? SP_OFFSET : X0 + 8L * i));
    }
    ir.storeState(packedFlags(), stateField(NZCV));
  }

  /** Loads every register and the flags from the global guest state. */
  void reload() {
    for (int i = 0; i < 32; i++) {
      ir.store(ir.loadState(ir.m.i64, stateField(i == SP ? SP_OFFSET : X0 + 8L * i)), regs[i]);
    }
    setPackedFlags(ir.loadState(ir.m.i64, stateField(NZCV)));
  }

  LLVMBasicBlockRef currentBlock() {
    return ir.currentBlock();
  }
}
