package elfconv.lift;

import static elfconv.lift.RegisterFile.FLAGS;
import static elfconv.lift.RegisterFile.SP;

import elfconv.a64.Effects;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Collects, as instructions are lifted, what they do with the register file: the {@link RegisterUsage}. */
final class RegisterUsageRecorder {
  private final BitSet written = new BitSet();
  private final BitSet read = new BitSet();
  /** Per instruction, which of X19-X29 and SP it writes ({@link PreservedRegisters}). */
  private final Map<Long, BitSet> calleeSavedWrites = new HashMap<>();
  private boolean linkRegisterEscapes;
  private final Set<Long> flagReaders = new HashSet<>();
  private final Set<Long> flagWriters = new HashSet<>();

  /** {@code insn} reads register n (31 = SP). */
  void registerRead(Insn insn, int n) {
    if (n == 30 && !returnsOrSavesLinkRegister(insn)) {
      linkRegisterEscapes = true;
    }
    read.set(n);
  }

  /** A return through X30, or a store based on SP or X29 (X30 saved in the frame, as every prologue does). */
  private static boolean returnsOrSavesLinkRegister(Insn insn) {
    Flow.Kind kind = Flow.of(insn).kind();
    if (kind == Flow.Kind.RETURN || kind == Flow.Kind.JUMP_INDIRECT) {
      return true;
    }
    Effects.Transfer store = Effects.transfer(insn);
    return store != null && !store.load() && (store.base() == SP || store.base() == 29);
  }

  /** The instruction at {@code pc} writes register n (31 = SP). */
  void registerWritten(long pc, int n) {
    if (PreservedRegisters.followed(n)) {
      calleeSavedWrites.computeIfAbsent(pc, a -> new BitSet()).set(n);
    }
    written.set(n);
  }

  /** The instruction at {@code pc} reads a flag. */
  void flagsRead(long pc) {
    flagReaders.add(pc);
    read.set(FLAGS);
  }

  /**
   * The instruction at {@code pc} takes a condition on the flags from the operands of the compare that set them,
   * without reading the flags.
   */
  void flagsCompared(long pc) {
    flagReaders.add(pc);
  }

  /** The instruction at {@code pc} sets the flags. */
  void flagsWritten(long pc) {
    written.set(FLAGS);
    flagWriters.add(pc);
  }

  /** What the lifted instructions did with the register file, with the {@code branches} between its blocks. */
  RegisterUsage usage(DirtyRegisters branches) {
    return new RegisterUsage(written, read, calleeSavedWrites, flagReaders, flagWriters, branches,
        linkRegisterEscapes);
  }
}
