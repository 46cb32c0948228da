package elfconv.lift;

import elfconv.a64.A64Decoder;
import elfconv.a64.Effects;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.a64.Op;
import elfconv.a64.Pattern;
import elfconv.elf.ElfImage;
import elfconv.elf.LandingPads;
import elfconv.elf.Section;
import elfconv.elf.Segment;
import elfconv.elf.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the guest functions worth translating: the entry point, FUNC symbols and BL targets for certain, plus code
 * addresses stored in data (function pointers, jump tables), which are kept only when they decode cleanly.
 * Recursive descent from each entry collects the reachable instructions, the landing pads of its calls among
 * them; only reachable code is lifted.
 */
public final class Discovery {
  private static final int SHT_PROGBITS = 1;
  private static final int SHT_INIT_ARRAY = 14;
  private static final int SHT_RELA = 4;
  private static final int RELA_SIZE = 24;
  private static final long R_AARCH64_IRELATIVE = 1032;
  private static final int SHT_FINI_ARRAY = 15;
  /** How many instructions before an indirect jump a frame's release may lie (restores and argument moves). */
  private static final int FRAME_RELEASE_LOOK_BACK = 8;
  private static final int SP = 31;

  private final ElfImage image;
  private final A64Decoder decoder;
  private final LandingPads landingPads;
  private final NavigableMap<Long, Long> symbolEnds = new TreeMap<>();
  /** Code addresses some symbol names (not the $x/$d mapping symbols, which mark code and data). */
  private final Set<Long> namedCode = new HashSet<>();
  private final NavigableSet<Long> codePointers = new TreeSet<>();
  /** Code addresses instructions compute (ADR, ADRP + ADD): function pointers passed in registers. */
  private final NavigableSet<Long> computedPointers = new TreeSet<>();
  private final NavigableSet<Long> knownEntries = new TreeSet<>();
  /** Reachable words the decode table does not know, by address: all are reported together. */

  private Discovery(ElfImage image, A64Decoder decoder) {
    this.image = image;
    this.decoder = decoder;
    this.landingPads = LandingPads.of(image);
  }

  /** All functions of the program, ordered by entry address. */
  public static List<GuestFunction> discover(ElfImage image, A64Decoder decoder) {
    return new Discovery(image, decoder).run();
  }

  private List<GuestFunction> run() {
    for (Symbol s : image.symbols()) {
      if (s.isFunction() && image.isCode(s.value())) {
        symbolEnds.merge(s.value(), s.value() + s.size(), Math::max);
      }
      if (s.sectionIndex() != 0 && !s.name().isEmpty() && !s.name().startsWith("$") && image.isCode(s.value())) {
        namedCode.add(s.value());
      }
    }
    knownEntries.add(image.entry());
    knownEntries.addAll(symbolEnds.keySet());
    sweepCallTargets();
    addIfuncResolvers();
    scanCodePointers();

    Map<Long, GuestFunction> functions = new TreeMap<>();
    Deque<Long> certain = new ArrayDeque<>(knownEntries);
    while (!certain.isEmpty()) {
      long entry = certain.pop();
      if (!functions.containsKey(entry)) {
        Explored e = explore(entry, false);
        functions.put(entry, e.function);
        e.callTargets.stream().filter(t -> !functions.containsKey(t) && image.isCode(t)).forEach(certain::push);
      }
    }
    // In rounds: a function found through a pointer may compute pointers to more (busybox's bc and dc do).
    Set<Long> tried = new HashSet<>();
    for (List<Long> round = untried(functions, tried); !round.isEmpty(); round = untried(functions, tried)) {
      for (long candidate : round) {
        try {
          Explored e = explore(candidate, true);
          if (e.callTargets.stream().allMatch(functions::containsKey)) {
            functions.put(candidate, e.function);
          }
        } catch (TranslationException speculationFailed) {
          // Data that only looks like a code address: not a function.
        }
      }
    }
    return List.copyOf(functions.values());
  }

  /** The code pointers not yet explored as candidate functions, now marked tried, in address order. */
  private List<Long> untried(Map<Long, GuestFunction> functions, Set<Long> tried) {
    NavigableSet<Long> candidates = new TreeSet<>(computedPointers);
    candidates.addAll(codePointers);
    return candidates.stream().filter(c -> !insideSymbol(c) && !functions.containsKey(c) && tried.add(c)).toList();
  }

  /**
   * Whether an address lies inside a FUNC symbol, past its start, and no symbol of its own names it: a label whose
   * address is data (a computed goto's table, a jump table), which the function's own indirect jumps reach. Lifted
   * as a function of its own it would copy the rest of the enclosing function, once per label. (A named address
   * there is code of its own, like glibc's __wrap_main at the end of _start.)
   */
  private boolean insideSymbol(long address) {
    Map.Entry<Long, Long> enclosing = symbolEnds.lowerEntry(address);
    return enclosing != null && address < enclosing.getValue() && !namedCode.contains(address);
  }

  /**
   * Every BL target in the code is a function entry, known before exploring begins: a branch to one is a tail
   * call, not code to copy into the caller. Stripped programs (Debian's busybox) have no symbols to say so.
   */
  private void sweepCallTargets() {
    for (Segment segment : image.segments()) {
      if (!segment.executable()) {
        continue;
      }
      for (long a = segment.vaddr(); a + 4 <= segment.vaddr() + segment.fileSize(); a += 4) {
        if (!image.isCode(a)) {
          continue;
        }
        Flow flow = decoder.decode(a, image.word(a)).map(Flow::of).orElse(Flow.STOP);
        if (flow.kind() == Flow.Kind.CALL && image.isCode(flow.target())) {
          knownEntries.add(flow.target());
        }
      }
    }
  }

  /**
   * The resolvers of IRELATIVE relocations (IFUNCs: memcpy and friends pick their variant so): glibc's start-up
   * calls each through a register, so without symbols nothing else says they are functions.
   */
  private void addIfuncResolvers() {
    for (Section s : image.sections()) {
      if (s.type() != SHT_RELA || s.addr() == 0) {
        continue;
      }
      for (long r = s.addr(); r + RELA_SIZE <= s.addr() + s.size(); r += RELA_SIZE) {
        Optional<Long> info = image.data(r + 8, 8);
        Optional<Long> addend = image.data(r + 16, 8);
        if (info.isPresent() && addend.isPresent() && (info.get() & 0xffffffffL) == R_AARCH64_IRELATIVE
            && image.isCode(addend.get() + image.bias())) {
          knownEntries.add(addend.get() + image.bias());
        }
      }
    }
  }

  /** 8-byte values in data sections that point at instructions. */
  private void scanCodePointers() {
    for (Section s : image.sections()) {
      boolean data = s.type() == SHT_PROGBITS || s.type() == SHT_INIT_ARRAY || s.type() == SHT_FINI_ARRAY;
      if (!data || s.executable() || s.addr() == 0) {
        continue;
      }
      for (long a = (s.addr() + 7) & ~7L; a + 8 <= s.addr() + s.size(); a += 8) {
        Optional<Long> value = image.data(a, 8);
        if (value.isPresent() && (value.get() & 3) == 0 && image.isCode(value.get())) {
          codePointers.add(value.get());
        }
      }
    }
  }

  private record Explored(GuestFunction function, List<Long> callTargets) {}

  private Explored explore(long entry, boolean speculative) {
    TreeMap<Long, Insn> insns = new TreeMap<>();
    NavigableSet<Long> leaders = new TreeSet<>(List.of(entry));
    NavigableSet<Long> resumePoints = new TreeSet<>();
    NavigableSet<Long> pads = new TreeSet<>();
    NavigableSet<Long> indirectTargets = new TreeSet<>();
    List<Long> callTargets = new ArrayList<>();
    Set<Long> jumpTableBases = new HashSet<>();
    Deque<Long> work = new ArrayDeque<>(List.of(entry));
    boolean unknownJump = false;
    while (true) {
      while (!work.isEmpty()) {
        long a = work.pop();
        long target = a;
        // Falling into another function's entry (after a call that does not return, like __assert_fail's) leaves
        // this function: the lifter makes it a tail call instead of copying the next function in.
        while (!insns.containsKey(a) && image.isCode(a) && !isTailCall(a, entry)
            && (a == target || !isPointedToFunction(a, entry))) {
          Insn insn = decode(a, speculative);
          insns.put(a, insn);
          Flow flow = Flow.of(insn);
          switch (flow.kind()) {
            case BRANCH, CONDITIONAL -> {
              if (!isTailCall(flow.target(), entry) && image.isCode(flow.target())) {
                leaders.add(flow.target());
                work.push(flow.target());
              }
            }
            case CALL -> callTargets.add(flow.target());
            case JUMP_INDIRECT -> {
              Optional<JumpTable> table = JumpTable.of(image, insns, insn, entry, functionEnd(entry));
              table.ifPresent(t -> jumpTableBases.add(t.base()));
              unknownJump |= table.isEmpty() && !leavesFreedFrame(insns, a);
              for (long t : table.map(JumpTable::targets).orElse(List.of())) {
                if (indirectTargets.add(t)) {
                  leaders.add(t);
                  work.push(t);
                }
              }
            }
            default -> { }
          }
          if (flow.kind() == Flow.Kind.CALL || flow.kind() == Flow.Kind.CALL_INDIRECT) {
            resumePoints.add(a + 4);
            // Code only the unwinder reaches: where this frame resumes if the callee throws.
            landingPads.of(a).filter(pad -> !isTailCall(pad, entry) && pads.add(pad)).ifPresent(pad -> {
              leaders.add(pad);
              work.push(pad);
            });
          }
          if (flow.endsBlock()) {
            a = -1;
            break;
          }
          if (flow.kind() != Flow.Kind.NEXT) {
            leaders.add(a + 4);
          }
          a += 4;
        }
        if (a != -1 && insns.containsKey(a)) {
          leaders.add(a); // control merges into code already seen
        }
      }
      if (!unknownJump) {
        break;
      }
      // Code addresses in data inside this function (a table of labels) become blocks its jump can select.
      long end = functionEnd(entry);
      for (long t : codePointers.subSet(entry, true, end, false)) {
        if (indirectTargets.add(t)) {
          leaders.add(t);
          work.push(t);
        }
      }
      if (work.isEmpty()) {
        break;
      }
    }
    collectComputedPointers(insns, jumpTableBases);
    return new Explored(new GuestFunction(entry, blocks(insns, leaders), resumePoints, indirectTargets, pads), callTargets);
  }

  /**
   * Addresses of code the function computes into a register: ADR, and ADRP followed by ADD (immediate) of its
   * result, the way compilers take a function's address (glibc's start-up passes main so); not the bases of its
   * jump tables, labels that would otherwise each become a copy of the rest of the function.
   */
  private void collectComputedPointers(NavigableMap<Long, Insn> insns, Set<Long> jumpTableBases) {
    Map<Integer, Long> pages = new HashMap<>();
    for (Insn insn : insns.values()) {
      Effects.Address address = Effects.address(insn);
      Effects.Increment increment = Effects.increment(insn);
      if (address != null && insn.op() == Op.ADR) {
        if (!jumpTableBases.contains(address.value())) {
          addComputed(address.value());
        }
      } else if (address != null) {
        pages.put(address.rd(), address.value());
      } else if (increment != null && increment.delta() >= 0 && pages.containsKey(increment.rn())) {
        addComputed(pages.get(increment.rn()) + increment.delta());
      }
    }
  }

  private void addComputed(long address) {
    if ((address & 3) == 0 && image.isCode(address)) {
      computedPointers.add(address);
    }
  }

  /**
   * Whether the indirect jump at {@code br} follows the release of the stack frame (ADD SP, SP, #imm or a
   * post-indexed LDP from SP just before it): a tail call through a pointer, not a jump to a label of this function.
   */
  private static boolean leavesFreedFrame(NavigableMap<Long, Insn> insns, long br) {
    for (long a = br - 4; a >= br - 4 * FRAME_RELEASE_LOOK_BACK && insns.containsKey(a); a -= 4) {
      Insn insn = insns.get(a);
      Effects.Increment increment = Effects.increment(insn);
      Effects.Transfer pop = Effects.stackTransfer(insn);
      if (increment != null && increment.rd() == SP && increment.rn() == SP && increment.delta() >= 0
          || pop != null && pop.load() && !pop.vector() && pop.bytes() == 8 && pop.rt2() >= 0
          && pop.offset() == 0 && pop.writeback() > 0) {
        return true;
      }
    }
    return false;
  }

  private boolean isTailCall(long target, long entry) {
    return target != entry && knownEntries.contains(target);
  }

  /**
   * Whether code falling into {@code address} falls into another function: one that data points to, outside any
   * symbol (in a stripped program, where only calls name functions, the next function after a call that does not
   * return, as busybox's applets end). Copying it in would copy every function after it up to the next call target.
   */
  private boolean isPointedToFunction(long address, long entry) {
    return address != entry && codePointers.contains(address) && !insideSymbol(address);
  }

  private long functionEnd(long entry) {
    Long symbolEnd = symbolEnds.get(entry);
    if (symbolEnd != null && symbolEnd > entry) {
      return symbolEnd;
    }
    Long next = knownEntries.higher(entry);
    return next != null ? next : image.segmentContaining(entry).orElseThrow().end();
  }

  /**
   * The instruction at an address. A word outside the decode table is outside what QEMU's cortex-a72 runs at EL0
   * (unallocated, privileged, of a later architecture version; ValidSetProperties checks the two sets agree): it
   * raises SIGILL when run, as under QEMU ({@link IllegalInstructions} names those a disassembler knows).
   */
  private Insn decode(long address, boolean speculative) {
    int word = image.word(address);
    Optional<Insn> insn = decoder.decode(address, word);
    if (insn.isPresent()) {
      return insn.get();
    }
    if (speculative) {
      throw new TranslationException("speculative");
    }
    return new Insn(address, word, Pattern.UNALLOCATED);
  }

  private static NavigableMap<Long, List<Insn>> blocks(TreeMap<Long, Insn> insns, NavigableSet<Long> leaders) {
    NavigableMap<Long, List<Insn>> blocks = new TreeMap<>();
    List<Insn> current = null;
    long expected = -1;
    for (Map.Entry<Long, Insn> e : insns.entrySet()) {
      if (current == null || leaders.contains(e.getKey()) || e.getKey() != expected) {
        current = new ArrayList<>();
        blocks.put(e.getKey(), current);
      }
      current.add(e.getValue());
      Flow flow = Flow.of(e.getValue());
      expected = flow.endsBlock() ? -1 : e.getKey() + 4;
      if (flow.endsBlock()) {
        current = null;
      }
    }
    return blocks;
  }
}
