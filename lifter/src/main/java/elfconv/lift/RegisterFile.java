package elfconv.lift;

import static elfconv.runtime.GuestLayout.NZCV;
import static elfconv.runtime.GuestLayout.X0;

import elfconv.ir.IrBuilder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * X0-X30, SP and NZCV (as four i1 values) of the function being lifted, and which of them the guest state lacks.
 *
 * <p>Registers the function writes live in function-local slots (LLVM turns them into SSA values); they are loaded
 * from the global guest state at entry and after calls, and written back only where another function or the
 * runtime can see them. Registers the function only reads are read from the guest state directly, so they cost
 * nothing at calls and returns. Flags cross calls and returns only when some function can observe flags set in
 * another ({@link FlagObservability}).
 */
final class RegisterFile {
  static final int SP = 31;
  /** Index of NZCV, as a group, in the sets of slotted and written registers. */
  static final int FLAGS = 32;
  /** Every register and the flags: what a first pass over a function slots to find out what it writes. */
  static final BitSet ALL = BitSet.valueOf(new long[] {(1L << 33) - 1});
  private static final long SP_OFFSET = elfconv.runtime.GuestLayout.SP;

  private final IrBuilder ir;
  private final LLVMValueRef state;
  private final BitSet slotted;
  private final boolean flagsShared;
  /** Slotted registers written since the guest state last had them all ({@link DirtyRegisters}). */
  private final BitSet dirty = new BitSet();
  /** The current block's synchronisations with the guest state so far, and what it wrote since the last. */
  private final List<DirtyRegisters.Sync> syncs = new ArrayList<>();
  private final BitSet writtenSinceSync = new BitSet();
  private final DirtyRegisters branches = new DirtyRegisters();
  private final LLVMValueRef[] regs = new LLVMValueRef[32];
  private final LLVMValueRef[] flags = new LLVMValueRef[4];

  /** {@code state}: the global guest state; {@code slotted}: the registers (and bit FLAGS) that get slots. */
  RegisterFile(IrBuilder ir, LLVMValueRef state, BitSet slotted, boolean flagsShared) {
    this.ir = ir;
    this.state = state;
    this.slotted = slotted;
    this.flagsShared = flagsShared;
  }

  /** Creates the slots and fills them from the guest state; call in the function's entry block. */
  void allocateSlots() {
    for (int i = slotted.nextSetBit(0); i >= 0 && i < FLAGS; i = slotted.nextSetBit(i + 1)) {
      regs[i] = ir.alloca(ir.m.i64, i == SP ? "sp" : "x" + i);
    }
    if (slotted.get(FLAGS)) {
      String[] names = {"n", "z", "c", "v"};
      for (int i = 0; i < 4; i++) {
        flags[i] = ir.alloca(ir.m.i1, names[i]);
        if (!flagsShared) {
          ir.store(ir.c(1, 0), flags[i]); // never read before a write in this function
        }
      }
    }
    reload();
  }

  /** The branches between the function's blocks noted so far ({@link #noteBranch}). */
  DirtyRegisters branches() {
    return branches;
  }

  /** A guest block starts; {@code dirtyOnEntry} may be dirty there. */
  void enterBlock(BitSet dirtyOnEntry) {
    dirty.clear();
    dirty.or(dirtyOnEntry);
    syncs.clear();
    writtenSinceSync.clear();
  }

  /** Records a branch from guest block {@code from} to this function's block {@code to}. */
  void noteBranch(long from, long to) {
    branches.branch(from, to, syncs, writtenSinceSync);
  }

  /** The registers dirty here that are not in {@code expected}. */
  BitSet dirtyBeyond(BitSet expected) {
    BitSet extra = (BitSet) dirty.clone();
    extra.andNot(expected);
    return extra;
  }

  /**
   * The slots of {@code registers} and the guest state agree, after a write-back and reload around a call to
   * {@code callee} ({@link DirtyRegisters#EVERYTHING} for a system call or a call through the runtime).
   */
  void synchronised(BitSet registers, long callee) {
    dirty.andNot(registers);
    syncs.add(new DirtyRegisters.Sync((BitSet) writtenSinceSync.clone(), callee));
    writtenSinceSync.clear();
  }

  private LLVMValueRef stateField(long offset) {
    return ir.offset(state, offset);
  }

  private static long offsetOf(int register) {
    return register == SP ? SP_OFFSET : X0 + 8L * register;
  }

  /** Register n (31 = SP) as 64 bits: from its slot, or from the guest state when the function never writes it. */
  LLVMValueRef read(int n) {
    return slotted.get(n) ? ir.load(ir.m.i64, regs[n]) : ir.loadState(ir.m.i64, stateField(offsetOf(n)));
  }

  /** Writes register n (31 = SP); a narrower value is zero-extended. */
  void write(int n, LLVMValueRef value) {
    writtenSinceSync.set(n);
    dirty.set(n);
    ir.store(ir.zext(value, 64), regs[n]);
  }

  /** Flag i of N, Z, C, V: from its slot, or from the guest state when the function never sets flags. */
  LLVMValueRef flag(int i) {
    return slotted.get(FLAGS) ? ir.load(ir.m.i1, flags[i]) : loadFlag(i);
  }

  private LLVMValueRef loadFlag(int i) {
    return ir.trunc(ir.loadState(ir.m.i8, stateField(NZCV + i)), 1);
  }

  void setFlags(LLVMValueRef n, LLVMValueRef z, LLVMValueRef c, LLVMValueRef v) {
    writtenSinceSync.set(FLAGS);
    dirty.set(FLAGS);
    ir.store(n, flags[0]);
    ir.store(z, flags[1]);
    ir.store(c, flags[2]);
    ir.store(v, flags[3]);
  }

  /** Stores the dirty slotted registers and flags into the global guest state. */
  void writeBack() {
    writeBack(dirty);
  }

  /** Stores those of {@code registers} that are slotted (flags: bit FLAGS, where shared); they stay dirty here. */
  void writeBack(BitSet registers) {
    for (int i = slotted.nextSetBit(0); i >= 0 && i < FLAGS; i = slotted.nextSetBit(i + 1)) {
      if (registers.get(i)) {
        ir.storeState(ir.load(ir.m.i64, regs[i]), stateField(offsetOf(i)));
      }
    }
    if (slotted.get(FLAGS) && flagsShared && registers.get(FLAGS)) {
      for (int i = 0; i < 4; i++) {
        ir.storeState(ir.zext(ir.load(ir.m.i1, flags[i]), 8), stateField(NZCV + i));
      }
    }
  }

  /** Loads the slotted registers and flags from the global guest state. */
  void reload() {
    reload(ALL);
  }

  /** Loads those of {@code changed} that are slotted (flags: bit FLAGS, where shared) from the global guest state. */
  void reload(BitSet changed) {
    for (int i = slotted.nextSetBit(0); i >= 0 && i < FLAGS; i = slotted.nextSetBit(i + 1)) {
      if (changed.get(i)) {
        ir.store(ir.loadState(ir.m.i64, stateField(offsetOf(i))), regs[i]);
      }
    }
    if (slotted.get(FLAGS) && flagsShared && changed.get(FLAGS)) {
      for (int i = 0; i < 4; i++) {
        ir.store(loadFlag(i), flags[i]);
      }
    }
  }
}
