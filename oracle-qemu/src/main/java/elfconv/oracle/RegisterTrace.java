package elfconv.oracle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Register-file logs in the format of QEMU's {@code -d cpu} output, which the elfconv runtime also writes
 * (ELFCONV_REGTRACE): one record per executed instruction, starting with " PC=", then X00..X30, SP and PSTATE.
 */
public final class RegisterTrace {
  private static final Pattern FIELD = Pattern.compile("(PC|X\\d\\d|SP|PSTATE)=([0-9a-f]+)");

  /** The state before one instruction. */
  public record Step(long pc, long[] x, long sp, int nzcv) {}

  private RegisterTrace() {}

  /** The first {@code limit} records of a log. */
  public static List<Step> read(Path log, int limit) {
    List<Step> steps = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
      long pc = 0;
      long sp = 0;
      long[] x = null;
      for (String line = in.readLine(); line != null && steps.size() < limit; line = in.readLine()) {
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
          long value = Long.parseUnsignedLong(m.group(2), 16);
          switch (m.group(1)) {
            case "PC" -> {
              pc = value;
              x = new long[31];
            }
            case "SP" -> sp = value;
            case "PSTATE" -> {
              if (x != null) {
                steps.add(new Step(pc, x, sp, (int) (value >>> 28) & 0xf));
                x = null;
              }
            }
            default -> {
              if (x != null) {
                x[Integer.parseInt(m.group(1).substring(1))] = value;
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the register log " + log, e);
    }
    return steps;
  }
}
