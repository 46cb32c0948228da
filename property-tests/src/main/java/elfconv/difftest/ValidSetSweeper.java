package elfconv.difftest;

import elfconv.a64.A64Decoder;
import elfconv.a64.DecodeTable;
import elfconv.a64.LlvmDisassembler;
import elfconv.a64.Op;
import elfconv.a64.Pattern;
import elfconv.oracle.Environment;
import elfconv.oracle.GuestRun;
import elfconv.oracle.Oracle;
import elfconv.oracle.ProcessRunner;
import elfconv.oracle.RunResult;
import elfconv.report.ValidSetSweep;
import elfconv.report.ValidSetSweep.Missing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Whether elfconv's valid set is QEMU's: random words, half uniform over all 2^32 (even indexes) and half from the neighbourhood
 * of decode-table lines (a line's fixed bits with one or two of them flipped, its fields and ignored bits at
 * random), each executed alone under QEMU by the SIGILL probe ({@code sigill_probe.c}), against whether our
 * decoder takes it.
 */
public final class ValidSetSweeper {
  private static final String GCC = "aarch64-linux-gnu-gcc";

  private final Path dir;

  public ValidSetSweeper(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /**
   * Samples {@code count} uniform words and as many near decode-table lines from {@code seed}, and compares the
   * verdicts: the lifted share counts the uniform words, the check against taking what QEMU rejects counts all.
   */
  public ValidSetSweep run(long seed, int count) throws IOException {
    int[] words = sample(new Random(seed), 2 * count);
    boolean[] executes = qemuExecutes(words);
    A64Decoder decoder = A64Decoder.standard();
    int qemu = 0;
    int lifted = 0;
    List<String> over = new ArrayList<>();
    Map<String, int[]> missing = new LinkedHashMap<>();
    Map<String, Integer> example = new LinkedHashMap<>();
    for (int i = 0; i < words.length; i++) {
      // UDF is an instruction whose execution is SIGILL, as the CPU's.
      boolean ours = decoder.decode(0x400000, words[i]).filter(insn -> insn.op() != Op.UDF).isPresent();
      if (ours && !executes[i]) {
        over.add(String.format("0x%08x %s", words[i], decoder.disassemble(0x400000, words[i])));
      }
      if (executes[i] && i % 2 == 0) {
        qemu++;
        if (ours) {
          lifted++;
        } else {
          String llvm = LlvmDisassembler.disassemble(0x400000, words[i]);
          String mnemonic = llvm == null ? "(LLVM: none)" : llvm.split("[\\s.]", 2)[0];
          missing.computeIfAbsent(mnemonic, m -> new int[1])[0]++;
          example.putIfAbsent(mnemonic, words[i]);
        }
      }
    }
    List<Missing> table = missing.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, int[]> m) -> -m.getValue()[0]))
        .map(m -> {
          int word = example.get(m.getKey());
          String llvm = LlvmDisassembler.disassemble(0x400000, word);
          return new Missing(m.getKey(), m.getValue()[0], String.format("0x%08x %s", word, llvm == null ? "" : llvm));
        }).toList();
    return new ValidSetSweep(seed, count, qemu, lifted, over, table);
  }

  static int[] sample(Random random, int count) {
    List<Pattern> patterns = DecodeTable.patterns();
    int[] words = new int[count];
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        words[i] = random.nextInt();
        continue;
      }
      Pattern p = patterns.get(random.nextInt(patterns.size()));
      int word = p.value() | (random.nextInt() & ~p.mask());
      int fixed = Integer.bitCount(p.mask());
      for (int flips = random.nextInt(3); flips > 0 && fixed > 0; flips--) {
        word ^= nthSetBit(p.mask(), random.nextInt(fixed));
      }
      words[i] = word;
    }
    return words;
  }

  private static int nthSetBit(int mask, int n) {
    int m = mask;
    for (int k = 0; k < n; k++) {
      m &= m - 1;
    }
    return Integer.lowestOneBit(m);
  }

  /** QEMU's verdict on each word: true when it executes the word, false when the word raises SIGILL. */
  private boolean[] qemuExecutes(int[] words) throws IOException {
    Path probe = buildProbe();
    ByteBuffer input = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int w : words) {
      input.putInt(w);
    }
    RunResult run = Oracle.configured(Duration.ofMinutes(30))
        .run(GuestRun.of(probe, List.of(), dir).withStdin(input.array()), false);
    byte[] out = run.stdout();
    if (run.exitStatus() != 0 || out.length != words.length) {
      throw new IllegalStateException("the SIGILL probe failed under QEMU (status " + run.exitStatus() + ", "
          + out.length + " verdicts for " + words.length + " words): " + run.stderrText().strip());
    }
    boolean[] executes = new boolean[words.length];
    for (int i = 0; i < words.length; i++) {
      executes[i] = out[i] == 'x';
    }
    return executes;
  }

  private Path buildProbe() throws IOException {
    Files.createDirectories(dir);
    Path source = dir.resolve("sigill_probe.c");
    try (InputStream in = ValidSetSweeper.class.getResourceAsStream("sigill_probe.c")) {
      Files.write(source, in.readAllBytes());
    }
    Path elf = dir.resolve("sigill_probe");
    RunResult gcc;
    try {
      gcc = new ProcessRunner(Duration.ofMinutes(2)).run(List.of(GCC, "-static", "-O2", "-o", elf.toString(),
          source.toString()), Environment.ofThisProcess(), dir, new byte[0]);
    } catch (RuntimeException e) {
      throw new IllegalStateException(GCC + " could not run: install gcc-aarch64-linux-gnu (scripts/setup)", e);
    }
    if (gcc.exitStatus() != 0) {
      throw new IllegalStateException(GCC + " failed on sigill_probe.c: " + gcc.stderrText());
    }
    return elf;
  }
}
