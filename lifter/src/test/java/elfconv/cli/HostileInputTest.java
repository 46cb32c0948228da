package elfconv.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.codegen.Compiler;
import elfconv.elf.ElfFormatException;
import elfconv.elf.ElfImage;
import elfconv.elf.Section;
import elfconv.toolchain.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated ELFs (header fields, program and section headers, symbols, strings, relocations, .eh_frame, code,
 * truncation, random bytes) fed to the translator in-process: each one is lifted into verified IR or refused with
 * one line naming the file, never anything else. Every {@value #END_TO_END_EVERY}th lifted one is translated
 * through the command line as a user would, which must then write its output or refuse, leaving nothing behind.
 * {@code -Delfconv.hostileInputs=N} (default 2,000) and {@code -Delfconv.hostileSeed=S} choose the run; the
 * input being translated is {@code target/hostile-input/mutant}, described in {@code mutant.txt} beside it.
 */
class HostileInputTest {
  private static final int INPUTS = Integer.getInteger("elfconv.hostileInputs", 2_000);
  private static final long SEED = Long.getLong("elfconv.hostileSeed", 20261207L);
  private static final int END_TO_END_EVERY = 100;

  @TempDir Path dir;

  /** Three functions, a call through a pointer in data, and call frame information (.eh_frame). */
  static final String FUNCTIONS = """
        .text
        .globl _start
        .type _start, %function
    _start:
        .cfi_startproc
        stp x29, x30, [sp, #-16]!
        .cfi_def_cfa_offset 16
        .cfi_offset 29, -16
        .cfi_offset 30, -8
        mov x29, sp
        mov x0, #3
        bl pick
        adrp x1, table
        add x1, x1, :lo12:table
        ldr x2, [x1]
        blr x2
        ldp x29, x30, [sp], #16
        mov x8, #94
        svc #0
        .cfi_endproc
        .size _start, .-_start

        .type pick, %function
    pick:
        .cfi_startproc
        cmp x0, #2
        b.hi 1f
        add x0, x0, #10
        ret
    1:  sub x0, x0, #1
        ret
        .cfi_endproc
        .size pick, .-pick

        .type done, %function
    done:
        .cfi_startproc
        add x0, x0, #1
        ret
        .cfi_endproc
        .size done, .-done

        .data
        .p2align 3
    table: .quad done
    """;

  private enum Kind { HEADER, PROGRAM_HEADER, SECTION_HEADER, SYMBOL, STRINGS, RELOCATION, EH_FRAME, CODE, TRUNCATION,
    RANDOM_BYTES }

  @Test
  void everyMutantIsLiftedOrRefusedInOneLine() throws Exception {
    List<Base> bases = List.of(
        Base.of(TestPrograms.assemble(dir, "hello", TestPrograms.HELLO, "-static", "-e", "_start")),
        Base.of(TestPrograms.assemble(dir, "functions", FUNCTIONS, "-static", "-e", "_start")),
        Base.of(TestPrograms.assemble(dir, "functions-pie", FUNCTIONS, "-static", "-pie", "--no-dynamic-linker",
            "-e", "_start")),
        Base.of(TestPrograms.assemble(dir, "landing-pad", TestPrograms.LANDING_PAD, "-static", "-e", "_start",
            "--eh-frame-hdr")));
    SplittableRandom random = new SplittableRandom(SEED);
    // Outside the temporary folder: if the JVM dies, the input that killed it and its description are still there.
    Path input = Files.createDirectories(Path.of("target", "hostile-input")).resolve("mutant").toAbsolutePath();
    Path last = input.resolveSibling("mutant.txt");
    List<String> failures = new ArrayList<>();
    Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class);
    int lifted = 0;
    for (int i = 0; i < INPUTS; i++) {
      Base base = bases.get(random.nextInt(bases.size()));
      Mutant mutant = mutate(base, random, 1 + random.nextInt(3));
      Files.write(input, mutant.bytes());
      Target target = random.nextBoolean() ? Target.X86_64 : Target.WASM32;
      String what = "mutant " + i + " (seed " + SEED + ", " + target.id() + ": " + mutant.description() + ")";
      Files.writeString(last, what + "\n");
      Optional<String> failure = frontEnd(input, target);
      int[] counts = outcomes.computeIfAbsent(mutant.kind(), k -> new int[2]);
      if (failure.isPresent()) {
        failures.add(what + ": " + failure.get());
        continue;
      }
      if (refused) {
        counts[1]++;
        continue;
      }
      counts[0]++;
      if (++lifted % END_TO_END_EVERY == 0) {
        endToEnd(input, target).ifPresent(f -> failures.add(what + " through the command line: " + f));
      }
    }
    StringBuilder summary = new StringBuilder();
    outcomes.forEach((kind, c) -> summary.append(String.format("%n  %-14s lifted %5d, refused %5d", kind, c[0], c[1])));
    System.out.println(INPUTS + " mutated ELFs (seed " + SEED + "):" + summary);
    assertTrue(failures.isEmpty(), failures.size() + " of " + INPUTS + " mutants were neither lifted nor refused "
        + "cleanly:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  private boolean refused;

  /** Lifts; empty when the input was lifted or refused as it should be, else what went wrong. */
  private Optional<String> frontEnd(Path input, Target target) {
    refused = false;
    try {
      return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        try (Compiler.Lifted lifted = Compiler.lift(input, new Compiler.Options(target), step -> { })) {
          return Optional.<String>empty();
        } catch (ElfFormatException e) {
          refused = true;
          String message = e.getMessage();
          if (message.lines().count() != 1 || !message.startsWith(input.toString())) {
            return Optional.of("refused in more than one line, or without naming the file: " + message);
          }
          return Optional.<String>empty();
        } catch (Throwable e) {
          return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage() + " at "
              + Arrays.stream(e.getStackTrace()).limit(4).map(Object::toString).toList());
        }
      });
    } catch (Throwable e) {
      return Optional.of("did not finish: " + e.getMessage());
    }
  }

  /** {@code elfconv compile}: exit status 0 and an output, or 1, one line and no output. */
  private Optional<String> endToEnd(Path input, Target target) throws Exception {
    Path output = dir.resolve("out-" + target.id());
    Files.deleteIfExists(output);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = Main.execute("compile", "--no-cache", "-O", "0", "--target", target.id(), "-o", output.toString(),
          input.toString());
    } finally {
      System.setErr(originalErr);
    }
    String message = err.toString(StandardCharsets.UTF_8).strip();
    if (status == 0) {
      return Files.exists(output) ? Optional.empty() : Optional.of("status 0 but no output");
    }
    if (status != 1 || message.lines().count() != 1 || !message.startsWith("elfconv: ")
        || message.contains("internal error") || Files.exists(output)) {
      return Optional.of("status " + status + (Files.exists(output) ? ", an output left behind" : "") + ": "
          + message);
    }
    return Optional.empty();
  }

  private record Mutant(byte[] bytes, Kind kind, String description) {}

  /** An unmutated ELF and its sections, where mutations aim. */
  private record Base(byte[] bytes, Map<String, Section> sections) {
    static Base of(Path elf) throws java.io.IOException {
      Map<String, Section> sections = new java.util.HashMap<>();
      ElfImage.read(elf).sections().forEach(s -> sections.put(s.name(), s));
      return new Base(Files.readAllBytes(elf), sections);
    }

    Optional<Section> section(String name, byte[] mutated) {
      return Optional.ofNullable(sections.get(name)).filter(s -> s.fileOffset() + s.size() <= mutated.length);
    }
  }

  private static Mutant mutate(Base base, SplittableRandom random, int count) {
    byte[] bytes = base.bytes().clone();
    Kind first = null;
    List<String> descriptions = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      first = first == null ? kind : first;
      descriptions.add(mutateOnce(base, bytes, kind, random));
      if (kind == Kind.TRUNCATION) {
        int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        bytes = Arrays.copyOf(bytes, length);
        descriptions.set(descriptions.size() - 1, "truncated to " + length + " bytes");
      }
    }
    return new Mutant(bytes, first, String.join(", ", descriptions));
  }

  private static final int[][] HEADER_FIELDS = {{16, 2}, {24, 8}, {32, 8}, {40, 8}, {48, 4}, {52, 2}, {54, 2}, {56, 2},
      {58, 2}, {60, 2}, {62, 2}, {7, 1}, {8, 1}};
  private static final int[][] PROGRAM_HEADER_FIELDS = {{0, 4}, {4, 4}, {8, 8}, {16, 8}, {24, 8}, {32, 8}, {40, 8},
      {48, 8}};
  private static final int[][] SECTION_HEADER_FIELDS = {{0, 4}, {4, 4}, {8, 8}, {16, 8}, {24, 8}, {32, 8}, {40, 4},
      {44, 4}, {48, 8}, {56, 8}};
  private static final int[][] SYMBOL_FIELDS = {{0, 4}, {4, 1}, {5, 1}, {6, 2}, {8, 8}, {16, 8}};
  private static final int[][] RELOCATION_FIELDS = {{0, 8}, {8, 8}, {16, 8}};

  /** Mutates bytes in place (truncation aside, done by the caller); returns what was done. */
  private static String mutateOnce(Base base, byte[] bytes, Kind kind, SplittableRandom random) {
    switch (kind) {
      case HEADER -> {
        return field(bytes, 0, HEADER_FIELDS, random, "ELF header");
      }
      case PROGRAM_HEADER -> {
        return inTable(bytes, 32, 56, 56, PROGRAM_HEADER_FIELDS, random, "program header ");
      }
      case SECTION_HEADER -> {
        return inTable(bytes, 40, 60, 64, SECTION_HEADER_FIELDS, random, "section header ");
      }
      case SYMBOL -> {
        return inSection(base, bytes, ".symtab", 24, SYMBOL_FIELDS, random);
      }
      case RELOCATION -> {
        return inSection(base, bytes, ".rela.dyn", 24, RELOCATION_FIELDS, random);
      }
      case STRINGS -> {
        return sectionBytes(base, bytes, random.nextBoolean() ? ".strtab" : ".shstrtab", random, false);
      }
      case EH_FRAME -> {
        String[] tables = {".eh_frame", ".eh_frame_hdr", ".gcc_except_table"};
        return sectionBytes(base, bytes, tables[random.nextInt(tables.length)], random, false);
      }
      case CODE -> {
        return sectionBytes(base, bytes, ".text", random, true);
      }
      case TRUNCATION -> {
        return "truncated";
      }
      default -> {
        return randomBytes(bytes, random);
      }
    }
  }

  /** A field of one entry of the header table whose offset and count the ELF header holds at these offsets. */
  private static String inTable(byte[] bytes, int offsetAt, int countAt, int entry, int[][] fields,
      SplittableRandom random, String name) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = bytes.length >= 64 ? Short.toUnsignedInt(buf.getShort(countAt)) : 0;
    long offset = bytes.length >= 64 ? buf.getLong(offsetAt) : -1;
    if (count == 0 || offset < 0 || offset > bytes.length - (long) entry * count) { // no overflow near 2^63
      return randomBytes(bytes, random);
    }
    int i = random.nextInt(count);
    return field(bytes, (int) offset + entry * i, fields, random, name + i);
  }

  private static String field(byte[] bytes, int base, int[][] fields, SplittableRandom random, String where) {
    int[] f = fields[random.nextInt(fields.length)];
    int at = base + f[0];
    if (at + f[1] > bytes.length) {
      return randomBytes(bytes, random);
    }
    long old = 0;
    for (int k = f[1] - 1; k >= 0; k--) {
      old = old << 8 | (bytes[at + k] & 0xff);
    }
    long value = interesting(old, bytes.length, random);
    for (int k = 0; k < f[1]; k++) {
      bytes[at + k] = (byte) (value >>> (8 * k));
    }
    return String.format("%s +%d (%d bytes) 0x%x -> 0x%x", where, f[0], f[1], old, value);
  }

  /** Values that break naive readers: edges of every width, sizes near the file's, small and large offsets. */
  private static long interesting(long old, int fileLength, SplittableRandom random) {
    return switch (random.nextInt(16)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> -1;
      case 3 -> Long.MAX_VALUE;
      case 4 -> Long.MIN_VALUE;
      case 5 -> old + 1;
      case 6 -> old - 1;
      case 7 -> old + random.nextInt(-64, 65);
      case 8 -> old * 2;
      case 9 -> old ^ (1L << random.nextInt(64));
      case 10 -> fileLength + random.nextInt(-8, 9);
      case 11 -> 0xffffffffL;
      case 12 -> 0x7fffffffL;
      case 13 -> 1L << random.nextInt(64);
      case 14 -> 0x400000L + random.nextInt(0x10000);
      default -> random.nextLong();
    };
  }

  private static String inSection(Base base, byte[] bytes, String name, int entry, int[][] fields,
      SplittableRandom random) {
    Optional<Section> section = base.section(name, bytes);
    if (section.isEmpty() || section.get().size() < entry) {
      return randomBytes(bytes, random);
    }
    int i = random.nextInt((int) (section.get().size() / entry));
    return field(bytes, (int) section.get().fileOffset() + entry * i, fields, random, name + " entry " + i);
  }

  private static String sectionBytes(Base base, byte[] bytes, String name, SplittableRandom random, boolean words) {
    Optional<Section> section = base.section(name, bytes);
    if (section.isEmpty() || section.get().size() < 4) {
      return randomBytes(bytes, random);
    }
    int count = 1 + random.nextInt(4);
    for (int n = 0; n < count; n++) {
      int at = (int) section.get().fileOffset() + (words ? 4 * random.nextInt((int) (section.get().size() / 4))
          : random.nextInt((int) section.get().size()));
      int width = words ? 4 : 1;
      for (int k = 0; k < width; k++) {
        bytes[at + k] = (byte) random.nextInt(256);
      }
    }
    return count + (words ? " random words in " : " random bytes in ") + name;
  }

  private static String randomBytes(byte[] bytes, SplittableRandom random) {
    int count = 1 + random.nextInt(8);
    for (int n = 0; n < count && bytes.length > 0; n++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return count + " random bytes";
  }
}
