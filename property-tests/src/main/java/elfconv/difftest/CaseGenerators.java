package elfconv.difftest;

import elfconv.a64.A64Decoder;
import elfconv.a64.Args;
import elfconv.a64.DecodeTable;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.a64.Op;
import elfconv.a64.Pattern;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators derived from the decode table: every pattern with its fields filled at random, register values
 * biased to edges, and the few constraints that keep a case inside the memory and code it may use: memory
 * operands go through pointer registers into the scratch block, branches only go forward within the sequence,
 * and no instruction leaves the case (calls, returns, indirect jumps, system calls, traps).
 */
public final class CaseGenerators {
  /** Registers that point into the scratch block; no generated instruction writes them except by writeback. */
  static final int[] POINTERS = {20, 21, 22, 23};
  /** The pointer only exclusive and acquire/release accesses use, so that it stays 16-byte aligned. */
  static final int ALIGNED_POINTER = 23;
  /** Registers that hold small non-negative index values for register-offset addressing. */
  static final int[] INDEXES = {24, 25};
  private static final Set<String> REGISTER_FIELDS = Set.of("rd", "rn", "rm", "ra", "rt", "rt2", "rs");
  private static final Set<String> MEMORY_FAMILIES = Set.of("LoadStoreImmediate", "LoadStoreRegister",
      "LoadStorePair", "Exclusive", "SimdLoadStoreStructure");
  /**
   * Patterns whose instructions leave the case or end the process, write TPIDR_EL0 (which the dump relies on), or
   * read the time (which differs from run to run).
   */
  private static final Set<Op> EXCLUDED = EnumSet.of(Op.SVC, Op.BL, Op.BR, Op.BLR, Op.RET, Op.BRK, Op.UDF,
      Op.MSR_TPIDR_EL0, Op.MRS_CNTVCT_EL0);
  private static final long[] EDGES = {0, 1, -1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffffL,
      0x80000000L, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, 0x8000000000000001L, 63, 64, 31, 32};
  private static final A64Decoder DECODER = A64Decoder.standard();

  private CaseGenerators() {}

  /** The decode-table patterns the generators exercise. */
  /**
   * Every pattern whose instructions stay inside a case, or those whose names match the regular expression in
   * the system property {@code elfconv.patterns} (to test new semantics on their own).
   */
  public static List<Pattern> testedPatterns() {
    java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("elfconv.patterns", ".*"));
    return DecodeTable.patterns().stream()
        .filter(p -> !EXCLUDED.contains(p.op()) && only.matcher(p.name()).matches()).toList();
  }

  /** Cases of one instruction of the pattern. */
  public static Arbitrary<InstructionCase> single(Pattern pattern) {
    return Combinators.combine(states(), instruction(pattern, 0, 1)).as((state, word) -> state.with(new int[] {word}));
  }

  /** Cases of 1 to 8 instructions of any tested pattern, forward branches included. */
  public static Arbitrary<InstructionCase> sequences() {
    return Arbitraries.integers().between(1, 8).flatMap(length -> {
      @SuppressWarnings("unchecked")
      Arbitrary<Integer>[] words = new Arbitrary[length];
      for (int k = 0; k < length; k++) {
        int position = k;
        words[k] = Arbitraries.of(testedPatterns()).flatMap(p -> instruction(p, position, length));
      }
      return Combinators.combine(states(), Combinators.combine(List.of(words)).as(ws ->
          ws.stream().mapToInt(Integer::intValue).toArray())).as(State::with);
    });
  }

  /**
   * Instruction pairs the lifter fuses, at random widths and registers (aliases included) and with edge operands:
   * UDIV or SDIV, then the MSUB that takes the remainder, its factors in either order, sometimes with an ADD
   * between that overwrites one of the pair's registers.
   */
  public static Arbitrary<InstructionCase> idioms() {
    Arbitrary<Integer> register = Arbitraries.integers().between(0, 5);
    Arbitrary<int[]> words = Combinators.combine(List.of(Arbitraries.integers().between(0, 3), register, register,
        register, register, Arbitraries.integers().between(0, 7))).as(v -> {
          int sf = v.get(0) & 1;
          boolean signed = (v.get(0) & 2) != 0;
          int q = v.get(1);
          int n = v.get(2);
          int m = v.get(3);
          int between = v.get(5);
          int division = sf << 31 | 0x1ac00800 | (signed ? 1 << 10 : 0) | m << 16 | n << 5 | q;
          boolean swapped = (between & 1) != 0;
          int remainder = sf << 31 | 0x1b008000 | (swapped ? q : m) << 16 | n << 10 | (swapped ? m : q) << 5 | v.get(4);
          if (between < 4) {
            return new int[] {division, remainder};
          }
          int overwritten = new int[] {q, n, m, 9}[between - 4];
          return new int[] {division, 0x91000400 | overwritten << 5 | overwritten, remainder}; // add xK, xK, #1
        });
    return Combinators.combine(states(), words).as(State::with);
  }

  /** A register file, NZCV and scratch seed, waiting for its instruction words. */
  record State(long[] x, Map<Integer, Integer> pointers, int nzcv, long fpcr, long seed) {
    InstructionCase with(int[] words) {
      return new InstructionCase(x, pointers, nzcv, fpcr, seed, words);
    }
  }

  static Arbitrary<State> states() {
    Arbitrary<Long> value = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(java.util.Arrays.stream(EDGES).boxed().toList())),
        Tuple.of(1, Arbitraries.longs().between(-1000, 1000)),
        Tuple.of(2, Arbitraries.longs()));
    Arbitrary<long[]> registers = value.array(Long[].class).ofSize(31).map(values -> {
      long[] x = new long[31];
      for (int i = 0; i < 31; i++) {
        x[i] = values[i];
      }
      return x;
    });
    // 16-byte aligned: exclusive and acquire/release accesses fault when misaligned.
    Arbitrary<int[]> offsets = Arbitraries.integers().between(-8, 8).array(Integer[].class).ofSize(POINTERS.length)
        .map(values -> java.util.Arrays.stream(values).mapToInt(v -> v * 16).toArray());
    Arbitrary<int[]> indexes = Arbitraries.integers().between(0, 63).array(Integer[].class).ofSize(INDEXES.length)
        .map(values -> java.util.Arrays.stream(values).mapToInt(Integer::intValue).toArray());
    // Half the cases in the default FP environment (RMode, FZ, DN and AHP clear), where FP runs natively; the
    // others, nearly all under another FPCR, run the runtime's exact emulation.
    Arbitrary<Long> fpcr = Arbitraries.longs().map(v -> (v & 1) == 0
        ? v & CaseLayout.FPCR_BITS & ~CaseLayout.FPCR_RESULT_BITS : v & CaseLayout.FPCR_BITS);
    return Combinators.combine(registers, offsets, indexes, Arbitraries.integers().between(0, 15), fpcr,
        Arbitraries.longs()).as((x, pointerOffsets, indexValues, nzcv, fpcrValue, seed) -> {
          Map<Integer, Integer> pointers = new HashMap<>();
          for (int i = 0; i < POINTERS.length; i++) {
            pointers.put(POINTERS[i], CaseLayout.SCRATCH_SIZE / 2 + pointerOffsets[i]);
          }
          pointers.put(CaseLayout.SP_INDEX, CaseLayout.SCRATCH_SIZE / 2);
          for (int i = 0; i < INDEXES.length; i++) {
            x[INDEXES[i]] = indexValues[i];
          }
          return new State(x, pointers, nzcv, fpcrValue, seed);
        });
  }

  /** A word of the pattern at {@code position} of a sequence of {@code length}, constrained as described above. */
  static Arbitrary<Integer> instruction(Pattern pattern, int position, int length) {
    return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE)
        .map(random -> constrain(pattern, pattern.value() | (random & ~pattern.mask()), position, length))
        .filter(word -> word.isPresent())
        .map(Optional::get);
  }

  private static Optional<Integer> constrain(Pattern p, int word, int position, int length) {
    boolean memory = MEMORY_FAMILIES.contains(p.family());
    for (Pattern.Field f : p.fields()) {
      if (!REGISTER_FIELDS.contains(f.name())) {
        continue;
      }
      int r = f.extract(word);
      if (memory && f.name().equals("rn") && p.family().equals("Exclusive")) {
        r = ALIGNED_POINTER; // exclusive accesses fault when misaligned: no writeback ever moves this one
      } else if (memory && f.name().equals("rn") || p.family().equals("SystemInstruction") && f.name().equals("rt")) {
        r = POINTERS[r % (POINTERS.length - 1)];
      } else if (memory && f.name().equals("rm")) {
        r = INDEXES[r % INDEXES.length];
      } else if (isReserved(r)) {
        r = r - 20 + 10; // x10..x15 instead
      }
      word = set(word, f, r);
    }
    word = constrainImmediates(p, word, position, length);
    word = overlapSometimes(p, word);
    Optional<Insn> insn = DECODER.decode(0x400000, word);
    if (insn.isEmpty() || insn.get().pattern() != p || leavesCase(insn.get())) {
      return Optional.empty();
    }
    return Optional.of(word);
  }

  /**
   * A quarter of the general-register loads and stores with writeback transfer their own base register, and a
   * quarter of the pair loads load one register twice (constrained unpredictable: the forms QEMU executes).
   */
  private static int overlapSometimes(Pattern p, int word) {
    if (Integer.bitCount(word) % 4 != 0 || p.args() == null) {
      return word;
    }
    Record args = p.args().apply(word);
    if (args instanceof Args.LdstImm a && a.w() == 1 && (p.op() == Op.LDR_i || p.op() == Op.STR_i)) {
      return set(word, p.field("rt"), a.rn());
    }
    if (args instanceof Args.LdstPair a && a.w() == 1 && (p.op() == Op.LDP || p.op() == Op.STP)
        && (word & 1) == 0) {
      return set(word, p.field((word & 2) == 0 ? "rt" : "rt2"), a.rn());
    }
    if (p.op() == Op.LDP || p.op() == Op.LDP_v || p.op() == Op.LDXP) {
      return set(word, p.field("rt2"), p.field("rt").extract(word));
    }
    return word;
  }

  private static boolean isReserved(int r) {
    return r >= POINTERS[0] && r <= INDEXES[INDEXES.length - 1];
  }

  private static int constrainImmediates(Pattern p, int word, int position, int length) {
    int forward = 4 * (1 + Math.floorMod(word >>> 5, length - position)); // 4 .. to just past the end
    return switch (p.op()) {
      case B -> set(word, p.field("imm26"), forward >> 2);
      case B_cond, CBZ, CBNZ -> set(word, p.field("imm19"), forward >> 2);
      case TBZ, TBNZ -> set(word, p.field("imm14"), forward >> 2);
      case STR_i, LDR_i, STR_v_i, LDR_v_i -> p.field("imm").signed() ? word // unsigned: a scaled offset
          : set(word, p.field("imm"), p.field("imm").extract(word) & 0x3f);
      case STP, LDP, STP_v, LDP_v -> set(word, p.field("imm"), (p.field("imm").extract(word) & 0x1f) - 16);
      case LD_lit, LD_lit_v -> set(word, p.field("imm"), (p.field("imm").extract(word) & 0x3f) - 32);
      case FMADD, FMSUB, FNMADD, FNMSUB -> fusedOperands(p, word);
      case STXR, STXP -> statusRegister(p, word);
      case LD_mult, ST_mult, LD_single, ST_single, LD_single_repl -> structurePostIndex(p, word);
      default -> word;
    };
  }

  /** Half of the fused multiply-adds take V0 * V1 + V2, where FloatEdges often puts a hard case. */
  private static int fusedOperands(Pattern p, int word) {
    if (p.field("rd").extract(word) % 2 == 0) {
      return word;
    }
    return setAll(p, word, new String[] {"rn", "rm", "ra"}, new int[] {0, 1, 2});
  }

  private static int setAll(Pattern p, int word, String[] fields, int[] values) {
    for (int i = 0; i < fields.length; i++) {
      word = set(word, p.field(fields[i]), values[i]);
    }
    return word;
  }

  /**
   * Half of the post-indexed structure loads and stores step by the bytes they transfer (Rm = 31) instead of by an
   * index register (the one whose number is odd).
   */
  private static int structurePostIndex(Pattern p, int word) {
    boolean post = p.fields().stream().anyMatch(f -> f.name().equals("rm"));
    return post && (p.field("rm").extract(word) & 1) == 1 ? set(word, p.field("rm"), 31) : word;
  }

  /** A store-exclusive's status register differs from the registers it stores (else the result is unpredictable). */
  private static int statusRegister(Pattern p, int word) {
    int rs = p.field("rs").extract(word);
    boolean pair = p.op() == Op.STXP;
    if (rs == p.field("rt").extract(word) || pair && rs == p.field("rt2").extract(word)) {
      word = set(word, p.field("rs"), (rs + 1) % 20);
    }
    return word;
  }

  /** Instructions that would leave the case (BL); MSR TPIDR_EL0, which the dump relies on, is never generated. */
  private static boolean leavesCase(Insn insn) {
    Flow flow = Flow.of(insn);
    return flow.kind() != Flow.Kind.NEXT && flow.kind() != Flow.Kind.BRANCH && flow.kind() != Flow.Kind.CONDITIONAL
        || insn.op() == Op.MSR_TPIDR_EL0;
  }

  private static int set(int word, Pattern.Field f, int value) {
    int mask = (int) (((1L << f.width()) - 1) << f.shift());
    return (word & ~mask) | ((value << f.shift()) & mask);
  }
}
