package elfconv.difftest;

import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a static AArch64 ELF that runs many {@link InstructionCase}s in a row: for each, it loads the register
 * file, NZCV, FPCR and SP, runs the words, and dumps X0..X30, SP, NZCV, FPCR and FPSR; at the end it writes every
 * dump and every scratch block to stdout with one write each and exits 0. The dump needs no register to survive the
 * sequence: X0 is parked in TPIDR_EL0 while the dump's address is formed in it. Each case is its own function,
 * called through a table (so that no optimiser folds thousands of cases into one giant function), loading and
 * dumping through routines all cases share (a case is some 15 instructions around its words, which keeps the
 * translation of thousands of cases short), and its loop counter lives in memory, since a case may change every
 * register.
 */
public final class TestElfBuilder {
  private TestElfBuilder() {}

  public static Path build(List<InstructionCase> cases, Path dir, String name) {
    StringBuilder s = new StringBuilder();
    s.append("  .text\n  .globl _start\n  .type _start, %function\n_start:\n");
    s.append("""
          mov x0, #0
        next_case:
          adrp x1, case_index
          str x0, [x1, :lo12:case_index]
          adrp x1, case_table
          add x1, x1, :lo12:case_table
          ldr x1, [x1, x0, lsl #3]
          blr x1
          adrp x1, case_index
          ldr x0, [x1, :lo12:case_index]
          add x0, x0, #1
          ldr x1, =case_count
          ldr x1, [x1]
          cmp x0, x1
          b.lo next_case
          adrp x1, dumps
          add x1, x1, :lo12:dumps
          mov x0, #1
          ldr x2, =dumps_end - dumps
          mov x8, #64
          svc #0
          adrp x1, scratch
          add x1, x1, :lo12:scratch
          mov x0, #1
          ldr x2, =scratch_end - scratch
          mov x8, #64
          svc #0
          mov x0, #0
          mov x8, #94
          svc #0
          .ltorg
          .size _start, .-_start
        """);
    appendRoutines(s);
    for (int i = 0; i < cases.size(); i++) {
      appendCase(s, i, cases.get(i).words());
    }
    s.append("  .data\n  .p2align 4\nreturn_address:\n  .quad 0\ncase_index:\n  .quad 0\n");
    s.append("case_count:\n  .quad ").append(cases.size()).append("\ncase_table:\n");
    for (int i = 0; i < cases.size(); i++) {
      s.append("  .quad case_").append(i).append('\n');
    }
    s.append("  .p2align 4\ninitial:\n");
    for (int i = 0; i < cases.size(); i++) {
      appendInitialState(s, i, cases.get(i));
    }
    s.append("  .p2align 4\ndumps:\n  .space ").append(cases.size() * CaseLayout.DUMP_SIZE).append("\ndumps_end:\n");
    s.append("  .p2align 4\nscratch:\n  .incbin \"").append(writeScratch(cases, dir, name)).append("\"\n");
    s.append("scratch_end:\n  .space ").append(CaseLayout.SCRATCH_SIZE).append(" // room for pointers that drift\n");
    return assemble(s.toString(), dir, name);
  }

  private static void appendCase(StringBuilder s, int i, int[] words) {
    boolean vectors = usesVectors(words);
    s.append("  .type case_").append(i).append(", %function\ncase_").append(i).append(":\n");
    s.append("  adrp x16, return_address\n  str x30, [x16, :lo12:return_address]\n");
    s.append("  adrp x0, initial + ").append(i * CaseLayout.DUMP_SIZE).append('\n');
    s.append("  add x0, x0, :lo12:initial + ").append(i * CaseLayout.DUMP_SIZE).append('\n');
    s.append(vectors ? "  bl load_vectors\n" : "  bl load_integers\n");
    // NZCV is set and read here, not in the routines: flags that crossed calls would change how every case lifts.
    s.append("  ldr x1, [x0, #").append(CaseLayout.NZCV_INDEX * 8).append("]\n  msr nzcv, x1\n");
    s.append("  ldr x30, [x0, #240]\n  ldp x0, x1, [x0]\n");
    for (int w : words) {
      s.append(String.format("  .inst 0x%08x%n", w));
    }
    s.append("  msr tpidr_el0, x0\n");
    s.append("  adrp x0, dumps + ").append(i * CaseLayout.DUMP_SIZE).append('\n');
    s.append("  add x0, x0, :lo12:dumps + ").append(i * CaseLayout.DUMP_SIZE).append('\n');
    s.append("  str x1, [x0, #8]\n  str x30, [x0, #240]\n");
    s.append("  mrs x1, nzcv\n  str x1, [x0, #").append(CaseLayout.NZCV_INDEX * 8).append("]\n");
    s.append(vectors ? "  bl dump_vectors\n" : "  bl dump_integers\n");
    s.append("  adrp x16, return_address\n  ldr x30, [x16, :lo12:return_address]\n  ret\n");
    s.append("  .size case_").append(i).append(", .-case_").append(i).append('\n');
  }

  /**
   * The routines every case calls, so that a case is a few instructions around its words: with X0 pointing at the
   * case's initial state, load FPCR (FPSR cleared), SP, X2..X29 (and V0..V31) and return, leaving NZCV, X0, X1 and
   * X30 to the case; with X0 pointing at its dump (X0 parked in TPIDR_EL0; X1, X30 and NZCV stored), store the
   * rest. Neither touches the stack, and FPSR's flags are read before anything could change them.
   */
  private static void appendRoutines(StringBuilder s) {
    s.append("  .type load_vectors, %function\nload_vectors:\n");
    appendVectorPairs(s, "ldp");
    s.append("  .size load_vectors, .-load_vectors\n");
    s.append("  .type load_integers, %function\nload_integers:\n");
    s.append("  ldr x1, [x0, #").append(CaseLayout.FPCR_INDEX * 8).append("]\n  msr fpcr, x1\n  msr fpsr, xzr\n");
    s.append("  ldr x1, [x0, #").append(CaseLayout.SP_INDEX * 8).append("]\n  mov sp, x1\n");
    for (int r = 2; r < 30; r += 2) {
      s.append("  ldp x").append(r).append(", x").append(r + 1).append(", [x0, #").append(r * 8).append("]\n");
    }
    s.append("  ret\n  .size load_integers, .-load_integers\n");
    s.append("  .type dump_vectors, %function\ndump_vectors:\n");
    appendVectorPairs(s, "stp");
    s.append("  .size dump_vectors, .-dump_vectors\n");
    s.append("  .type dump_integers, %function\ndump_integers:\n");
    for (int r = 2; r < 30; r += 2) {
      s.append("  stp x").append(r).append(", x").append(r + 1).append(", [x0, #").append(r * 8).append("]\n");
    }
    s.append("  mrs x1, fpsr\n  str x1, [x0, #").append(CaseLayout.FPSR_INDEX * 8).append("]\n");
    s.append("  mrs x1, tpidr_el0\n  str x1, [x0]\n");
    s.append("  mov x1, sp\n  str x1, [x0, #").append(CaseLayout.SP_INDEX * 8).append("]\n");
    s.append("  mrs x1, fpcr\n  str x1, [x0, #").append(CaseLayout.FPCR_INDEX * 8).append("]\n");
    s.append("  ret\n  .size dump_integers, .-dump_integers\n");
  }

  /** V0..V31 loaded ({@code ldp}) from or stored ({@code stp}) to the state X0 points at, two at a time. */
  private static void appendVectorPairs(StringBuilder s, String instruction) {
    for (int v = 0; v < 32; v += 2) {
      s.append("  ").append(instruction).append(" q").append(v).append(", q").append(v + 1).append(", [x0, #")
          .append(CaseLayout.VECTORS + 16 * v).append("]\n");
    }
  }

  /** Families that never touch a SIMD&FP register (their load/store forms aside, named ..._v...). */
  private static final java.util.Set<String> INTEGER_FAMILIES = java.util.Set.of("PcRelative", "AddSubImmediate",
      "LogicalImmediate", "MoveWide", "Bitfield", "Extract", "BranchImmediate", "ConditionalBranch",
      "CompareBranch", "TestBranch", "BranchRegister", "Supervisor", "Trap", "Hint", "Barrier", "SystemInstruction",
      "SystemRegister", "LogicalShifted", "AddSubShifted", "AddSubExtended", "AddSubCarry", "ConditionalCompare",
      "ConditionalSelect", "Multiply", "DataProcessing2", "DataProcessing1", "LoadStoreImmediate",
      "LoadStoreRegister", "LoadStorePair", "LoadLiteral", "Exclusive", "Prefetch");

  /**
   * Whether a case may touch a SIMD&FP register: only such cases load and dump V0..V31 (the others leave their
   * dump's vector area zero on every implementation), which keeps the common case small. A family missing from
   * the integer list counts as touching them, so a new family is tested fully even if nobody lists it.
   */
  static boolean usesVectors(int[] words) {
    for (int w : words) {
      var insn = elfconv.a64.A64Decoder.standard().decode(0, w);
      if (insn.isEmpty()) {
        continue;
      }
      boolean vectorForm = insn.get().op().name().matches(".*_v(_.*)?"); // LDR_v_i, STP_v, LD_lit_v...
      if (vectorForm || !INTEGER_FAMILIES.contains(insn.get().pattern().family())) {
        return true;
      }
    }
    return false;
  }

  /** The dump layout with initial values; pointer registers as relocations to the case's scratch block. */
  private static void appendInitialState(StringBuilder s, int i, InstructionCase c) {
    for (int r = 0; r < CaseLayout.DUMP_WORDS; r++) {
      Integer offset = c.pointers().get(r);
      if (offset != null) {
        s.append("  .quad scratch + ").append((long) i * CaseLayout.SCRATCH_SIZE + offset).append('\n');
      } else if (r == CaseLayout.NZCV_INDEX) {
        s.append("  .quad ").append((long) (c.nzcv() & 0xf) << 28).append('\n');
      } else if (r == CaseLayout.FPCR_INDEX) {
        s.append(String.format("  .quad 0x%x%n", c.fpcr()));
      } else if (r == CaseLayout.FPSR_INDEX) {
        s.append("  .quad 0\n");
      } else if (r == CaseLayout.SP_INDEX) {
        throw new IllegalArgumentException("SP must be a pointer into scratch memory");
      } else {
        s.append(String.format("  .quad 0x%x%n", c.x()[r]));
      }
    }
    s.append("  .p2align 4\n  .byte ");
    byte[] vectors = c.vectors();
    for (int b = 0; b < vectors.length; b++) {
      s.append(b == 0 ? "" : ",").append(vectors[b] & 0xff);
    }
    s.append('\n');
  }

  /** Every case's initial scratch block, concatenated into a file the assembler includes. */
  private static String writeScratch(List<InstructionCase> cases, Path dir, String name) {
    byte[] all = new byte[cases.size() * CaseLayout.SCRATCH_SIZE];
    for (int i = 0; i < cases.size(); i++) {
      System.arraycopy(cases.get(i).scratch(), 0, all, i * CaseLayout.SCRATCH_SIZE, CaseLayout.SCRATCH_SIZE);
    }
    try {
      return Files.write(dir.resolve(name + ".scratch"), all).toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path assemble(String source, Path dir, String name) {
    try {
      Path elf = dir.resolve(name);
      Toolchain.get().assembleAArch64(Files.writeString(dir.resolve(name + ".s"), source), dir.resolve(name + ".o"),
          elf);
      return elf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
