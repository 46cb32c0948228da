package elfconv.difftest;

import elfconv.a64.A64Decoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A case that once diverged, kept as a small text file (corpus/regressions/*.case) and replayed against QEMU by
 * every build. Comment lines record the instructions and what QEMU had, for the reader; the replay runs QEMU
 * again rather than trusting them.
 */
public final class RegressionSeed {
  public static final String EXTENSION = ".case";

  private RegressionSeed() {}

  public static String format(Divergence d) {
    InstructionCase c = d.testCase();
    StringBuilder s = new StringBuilder("# elfconv instruction regression: ").append(d.target())
        .append(" once differed from QEMU here\n");
    A64Decoder decoder = A64Decoder.standard();
    for (int i = 0; i < c.words().length; i++) {
      s.append(String.format("# %08x  %s%n", c.words()[i], decoder.disassemble(4L * i, c.words()[i])));
    }
    d.differences().forEach(line -> s.append("# differed: ").append(line).append('\n'));
    s.append("words");
    for (int w : c.words()) {
      s.append(String.format(" %08x", w));
    }
    s.append(String.format("%nnzcv 0x%x%nfpcr 0x%x%nscratch-seed %d%n", c.nzcv(), c.fpcr(), c.scratchSeed()));
    for (int r = 0; r <= CaseLayout.SP_INDEX; r++) {
      Integer pointer = c.pointers().get(r);
      String value = pointer != null ? "scratch+" + pointer : String.format("0x%x", c.x()[r]);
      s.append(CaseLayout.registerName(r)).append(' ').append(value).append('\n');
    }
    return s.toString();
  }

  public static InstructionCase parse(String text, String source) {
    long[] x = new long[31];
    Map<Integer, Integer> pointers = new HashMap<>();
    int nzcv = 0;
    long fpcr = 0;
    long seed = 0;
    int[] words = null;
    for (String line : text.split("\n")) {
      String[] t = line.strip().split("\\s+");
      if (t[0].isEmpty() || t[0].startsWith("#")) {
        continue;
      }
      try {
        switch (t[0]) {
          case "words" -> {
            words = new int[t.length - 1];
            for (int i = 1; i < t.length; i++) {
              words[i - 1] = Integer.parseUnsignedInt(t[i], 16);
            }
          }
          case "nzcv" -> nzcv = Integer.decode(t[1]);
          case "fpcr" -> fpcr = Long.decode(t[1]);
          case "scratch-seed" -> seed = Long.parseLong(t[1]);
          default -> {
            int r = t[0].equals("sp") ? CaseLayout.SP_INDEX : Integer.parseInt(t[0].substring(1));
            if (t[1].startsWith("scratch+")) {
              pointers.put(r, Integer.parseInt(t[1].substring("scratch+".length())));
            } else {
              x[r] = Long.parseUnsignedLong(t[1].substring(2), 16);
            }
          }
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ": cannot read line '" + line + "'");
      }
    }
    if (words == null || !pointers.containsKey(CaseLayout.SP_INDEX)) {
      throw new IllegalArgumentException(source + ": a seed needs a 'words' line and 'sp scratch+N'");
    }
    return new InstructionCase(x, pointers, nzcv, fpcr, seed, words);
  }

  /** Writes the seed of a divergence into {@code dir}; returns the file. */
  public static Path save(Path dir, Divergence d) {
    try {
      Files.createDirectories(dir);
      String name = String.format("%s-%08x%s", d.target(), java.util.Arrays.hashCode(d.testCase().words())
          ^ Long.hashCode(d.testCase().scratchSeed()), EXTENSION);
      return Files.writeString(dir.resolve(name), format(d));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<InstructionCase> load(Path dir) {
    List<InstructionCase> cases = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no regression seed folder " + dir + " (run the build from the checkout)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(EXTENSION)).sorted().toList()) {
        cases.add(parse(Files.readString(f), f.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read regression seeds in " + dir, e);
    }
    return cases;
  }
}
