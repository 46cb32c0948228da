package elfconv.lift;

import elfconv.a64.Insn;
import elfconv.elf.ElfImage;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

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
    int target = (br.word() >>> 5) & 31;
    List<Insn> earlier = new ArrayList<>(insns.headMap(br.address(), false).descendingMap().values());
    List<Insn> before = earlier.subList(0, Math.min(earlier.size(), LOOK_BACK));
    Insn add = find(before, w -> (w & 0xffe00000L) == 0x8b200000L && (w & 31) == target);
    if (add == null || ((add.word() >>> 10) & 7) != 2) {
      return Optional.empty();
    }
    int option = (add.word() >>> 13) & 7; // sxtb 4, sxth 5, sxtw 6
    int entryBytes = option == 4 ? 1 : option == 5 ? 2 : option == 6 ? 4 : 0;
    int baseReg = (add.word() >>> 5) & 31;
    int entryReg = (add.word() >>> 16) & 31;
    Insn adr = find(before, w -> (w & 0x9f000000L) == 0x10000000L && (w & 31) == baseReg);
    long loadMask = entryBytes == 1 ? 0x38600800L : entryBytes == 2 ? 0x78600800L : 0xb8600800L;
    Insn load = find(before, w -> (w & 0xffe00c00L) == loadMask && (w & 31) == entryReg);
    if (entryBytes == 0 || adr == null || load == null) {
      return Optional.empty();
    }
    long base = adr.address() + pcRelative(adr.word());
    Optional<Long> table = registerValue(earlier.subList(earlier.indexOf(load) + 1, earlier.size()),
        (load.word() >>> 5) & 31);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    int indexReg = (load.word() >>> 16) & 31;
    Optional<Integer> bound = bound(before, indexReg);
    int entries = bound.orElse(MAX_ENTRIES);
    List<Long> targets = new ArrayList<>();
    for (int k = 0; k < entries; k++) {
      Optional<Long> raw = image.data(table.get() + (long) k * entryBytes, entryBytes);
      if (raw.isEmpty()) {
        break;
      }
      long entry = raw.get() << (64 - 8 * entryBytes) >> (64 - 8 * entryBytes);
      long t = base + 4 * entry;
      // A bounded table's every entry is a target, even one before the entry of the function being explored (in a
      // stripped program, a wrapper placed after the function it branches into).
      boolean inside = t >= functionStart && t < functionEnd;
      if (!image.isCode(t) || bound.isEmpty() && !inside) {
        break;
      }
      targets.add(t);
    }
    return Optional.of(new JumpTable(base, targets));
  }

  private static Insn find(List<Insn> before, java.util.function.LongPredicate matches) {
    for (Insn i : before) {
      if (matches.test(Integer.toUnsignedLong(i.word()))) {
        return i;
      }
    }
    return null;
  }

  /**
   * The address ADRP + ADD (immediate) or ADR (what a linker relaxes ADRP + ADD to) last put in {@code reg},
   * directly or through a stack slot (spilled with {@code str xS, [sp, #off]}, reloaded with
   * {@code ldr xT, [sp, #off]}).
   */
  private static Optional<Long> registerValue(List<Insn> before, int reg) {
    for (int k = 0; k < before.size(); k++) {
      int w = before.get(k).word();
      if ((w & 0x9f000000) == 0x10000000 && (w & 31) == reg) {
        return Optional.of(before.get(k).address() + pcRelative(w));
      }
      if ((w & 0xffc003e0) == 0xf94003e0 && (w & 31) == reg) {
        int slot = (w >>> 10) & 0xfff;
        for (int s = k + 1; s < before.size(); s++) {
          int e = before.get(s).word();
          if ((e & 0xffc003e0) == 0xf90003e0 && ((e >>> 10) & 0xfff) == slot) {
            return registerValue(before.subList(s + 1, before.size()), e & 31);
          }
        }
        return Optional.empty();
      }
      if ((w & 0xff800000) == 0x91000000 && (w & 31) == reg) {
        int source = (w >>> 5) & 31;
        long offset = (long) ((w >>> 10) & 0xfff) << ((w >>> 22 & 1) == 1 ? 12 : 0);
        for (Insn earlier : before.subList(k + 1, before.size())) {
          int e = earlier.word();
          if ((e & 0x9f000000) == 0x90000000 && (e & 31) == source) {
            return Optional.of((earlier.address() & ~0xfffL) + (pcRelative(e) << 12) + offset);
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** N + 1 from the last {@code cmp wI, #N} (or xI) before the jump. */
  private static Optional<Integer> bound(List<Insn> before, int indexReg) {
    for (Insn i : before) {
      int w = i.word();
      if ((w & 0x7f80001f) == 0x7100001f && ((w >>> 5) & 31) == indexReg) {
        long imm = (long) ((w >>> 10) & 0xfff) << ((w >>> 22 & 1) == 1 ? 12 : 0);
        return imm < MAX_ENTRIES ? Optional.of((int) imm + 1) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The signed immediate of ADR/ADRP (immhi:immlo). */
  static long pcRelative(int w) {
    return ((long) ((w >>> 5) & 0x7ffff) << 2 | (w >>> 29) & 3) << 43 >> 43;
  }
}
