package elfconv.lift;

import elfconv.a64.Args;
import elfconv.a64.Effects;
import elfconv.a64.Insn;
import elfconv.a64.Op;
import elfconv.elf.ElfImage;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The targets of a compiler's switch table, read from the ELF: GCC and LLVM lower a switch on AArch64 to
 *
 * <pre>
 *   cmp   wI, #N ; b.hi default          (the bound, usually just before)
 *   adrp  xT, table ; add xT, xT, :lo12:table
 *   ldrb  wE, [xT, wI, uxtw]             (or ldrh ... uxtw #1, ldr ... uxtw #2)
 *   adr   xB, base
 *   add   xD, xB, wE, sxtb #2            (sxth, sxtw)
 *   br    xD
 * </pre>
 *
 * so each entry is a signed count of instructions from base. Without the bound, entries are read while their
 * targets stay inside the function.
 *
 * @param base the address the ADR computes: a label of the function, not a function pointer
 */
record JumpTable(long base, List<Long> targets) {
  private static final int MAX_ENTRIES = 4096;
  /** How far before the jump its table load and address computation may lie; the table's base may be set
   * anywhere earlier in the function (hoisted out of a loop). */
  private static final int LOOK_BACK = 16;

  /** The table {@code br} jumps through, if it is one. */
  static Optional<JumpTable> of(ElfImage image, NavigableMap<Long, Insn> insns, Insn br, long functionStart,
      long functionEnd) {
    int target = ((Args.BranchReg) br.args()).rn();
    List<Insn> earlier = new ArrayList<>(insns.headMap(br.address(), false).descendingMap().values());
    List<Insn> before = earlier.subList(0, Math.min(earlier.size(), LOOK_BACK));
    Args.AddSubExt add = fields(find(before, Op.ADD_ext, Args.AddSubExt.class, a -> a.rd() == target));
    // sxtb 4, sxth 5, sxtw 6: the entry's size
    int entryBytes = add == null || add.sf() == 0 || add.imm3() != 2 ? 0
        : add.option() == 4 ? 1 : add.option() == 5 ? 2 : add.option() == 6 ? 4 : 0;
    if (entryBytes == 0) {
      return Optional.empty();
    }
    Effects.Address adr = before.stream().filter(i -> i.op() == Op.ADR).map(Effects::address)
        .filter(a -> a.rd() == add.rn()).findFirst().orElse(null);
    Insn loadInsn = find(before, Op.LDR, Args.LdstReg.class,
        a -> a.rt() == add.rm() && a.sign() == 0 && 1 << a.sz() == entryBytes);
    if (adr == null || loadInsn == null) {
      return Optional.empty();
    }
    Args.LdstReg load = (Args.LdstReg) loadInsn.args();
    Optional<Long> table = registerValue(earlier.subList(earlier.indexOf(loadInsn) + 1, earlier.size()), load.rn());
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Optional<Integer> bound = bound(before, load.rm());
    int entries = bound.orElse(MAX_ENTRIES);
    List<Long> targets = new ArrayList<>();
    for (int k = 0; k < entries; k++) {
      Optional<Long> raw = image.data(table.get() + (long) k * entryBytes, entryBytes);
      if (raw.isEmpty()) {
        break;
      }
      long entry = raw.get() << (64 - 8 * entryBytes) >> (64 - 8 * entryBytes);
      long t = adr.value() + 4 * entry;
      // A bounded table's every entry is a target, even one before the entry of the function being explored (in a
      // stripped program, a wrapper placed after the function it branches into).
      boolean inside = t >= functionStart && t < functionEnd;
      if (!image.isCode(t) || bound.isEmpty() && !inside) {
        break;
      }
      targets.add(t);
    }
    return Optional.of(new JumpTable(adr.value(), targets));
  }

  /** The latest instruction {@code op} in {@code before} whose fields match. */
  private static <A extends Record> Insn find(List<Insn> before, Op op, Class<A> fields, Predicate<A> matches) {
    for (Insn i : before) {
      if (i.op() == op && fields.isInstance(i.args()) && matches.test(fields.cast(i.args()))) {
        return i;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <A extends Record> A fields(Insn insn) {
    return insn == null ? null : (A) insn.args();
  }

  /**
   * The address ADRP + ADD (immediate) or ADR (what a linker relaxes ADRP + ADD to) last put in {@code reg},
   * directly or through a stack slot (spilled with {@code str xS, [sp, #off]}, reloaded with
   * {@code ldr xT, [sp, #off]}).
   */
  private static Optional<Long> registerValue(List<Insn> before, int reg) {
    for (int k = 0; k < before.size(); k++) {
      Insn insn = before.get(k);
      Effects.Address address = Effects.address(insn);
      if (address != null && insn.op() == Op.ADR && address.rd() == reg) {
        return Optional.of(address.value());
      }
      Effects.Transfer reload = spill(insn);
      if (reload != null && reload.load() && reload.rt() == reg) {
        for (int s = k + 1; s < before.size(); s++) {
          Effects.Transfer store = spill(before.get(s));
          if (store != null && !store.load() && store.offset() == reload.offset()) {
            return registerValue(before.subList(s + 1, before.size()), store.rt());
          }
        }
        return Optional.empty();
      }
      Effects.Increment add = Effects.increment(insn);
      if (add != null && add.delta() >= 0 && add.rd() == reg) {
        for (Insn earlier : before.subList(k + 1, before.size())) {
          Effects.Address page = Effects.address(earlier);
          if (page != null && earlier.op() == Op.ADRP && page.rd() == add.rn()) {
            return Optional.of(page.value() + add.delta());
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A 64-bit register stored to or loaded from a stack slot, without writeback. */
  private static Effects.Transfer spill(Insn insn) {
    Effects.Transfer t = Effects.stackTransfer(insn);
    return t != null && !t.vector() && t.bytes() == 8 && t.rt2() < 0 && t.writeback() == 0 ? t : null;
  }

  /** N + 1 from the last {@code cmp wI, #N} (or xI) before the jump. */
  private static Optional<Integer> bound(List<Insn> before, int indexReg) {
    Args.AddSubImm cmp = fields(find(before, Op.SUBS_i, Args.AddSubImm.class,
        a -> a.rd() == 31 && a.rn() == indexReg));
    if (cmp == null) {
      return Optional.empty();
    }
    long imm = (long) cmp.imm12() << (12 * cmp.sh());
    return imm < MAX_ENTRIES ? Optional.of((int) imm + 1) : Optional.empty();
  }
}
