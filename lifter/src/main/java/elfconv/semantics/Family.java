package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/**
 * One instruction family of the decode table: how its encodings are told apart, printed and lifted. Widths,
 * flag-setting and variants are fields of the instruction, not separate families.
 */
public interface Family {
  /** Null when the encoding is allocated; otherwise why the architecture leaves it unallocated. */
  default String unallocated(Insn insn) {
    return null;
  }

  /** Assembly text in LLVM's style (preferred aliases, lower case). */
  String disassemble(Insn insn);

  /** Control flow, for function and block discovery. */
  default Flow flow(Insn insn) {
    return Flow.NEXT;
  }

  /** Whether the instruction's result depends on FPCR (rounding mode, flush-to-zero, default NaN). */
  default boolean readsFpcr(Insn insn) {
    return false;
  }

  /** Emits the instruction's semantics. */
  void lift(Insn insn, Emitter e);
}
