package elfconv.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syscall traces from QEMU and from the elfconv runtime, and their comparison. Both are parsed into
 * {@link SyscallRecord}s; {@link #normalise} turns records into lines that are equal exactly when the two
 * implementations did the same thing as far as it can be compared.
 */
public final class SyscallTrace {
  private static final Pattern ELFCONV_LINE = Pattern.compile("(\\w+)\\((.*)\\) = (-?\\d+|\\?)");
  private static final Pattern ARGUMENT = Pattern.compile("0x[0-9a-f]+|\"[^\"]*\"");

  private SyscallTrace() {}

  /** Parses the log of {@code qemu-aarch64 -d strace -D FILE}; see {@link QemuStraceParser} for its format. */
  public static List<SyscallRecord> parseQemu(String log) {
    return QemuStraceParser.parse(log);
  }

  /**
   * Parses the elfconv runtime's trace: one line per syscall, {@code name(0xarg,"path",...) = <signed decimal>},
   * or {@code = ?} for a syscall that does not return (exit, exit_group). Path arguments are quoted strings.
   *
   * @throws IllegalArgumentException naming the first line not in that format
   */
  public static List<SyscallRecord> parseElfconv(String trace) {
    List<SyscallRecord> records = new ArrayList<>();
    String[] lines = trace.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      Matcher line = ELFCONV_LINE.matcher(lines[i]);
      List<String> args = line.matches() ? QemuStraceParser.splitArguments(line.group(2)) : List.of();
      if (!line.matches() || !args.stream().allMatch(arg -> ARGUMENT.matcher(arg).matches())) {
        throw new IllegalArgumentException("line " + (i + 1) + " of the elfconv syscall trace is not "
            + "'name(0xARG|\"PATH\",...) = RESULT': " + lines[i]);
      }
      long result = line.group(3).equals("?") ? SyscallRecord.NO_RESULT : Long.parseLong(line.group(3));
      records.add(new SyscallRecord(line.group(1), args, result));
    }
    return records;
  }

  /** The comparable form of a trace, one line per syscall; see {@link TraceNormaliser} for what is compared. */
  public static List<String> normalise(List<SyscallRecord> records) {
    return new TraceNormaliser(null).normalise(records);
  }

  /** As {@link #normalise(List)}, with paths inside the run's working directory shown relative to {@code <cwd>}. */
  public static List<String> normalise(List<SyscallRecord> records, java.nio.file.Path workDir) {
    return new TraceNormaliser(workDir.toAbsolutePath().normalize().toString()).normalise(records);
  }

  /** Where two normalised traces first differ. */
  public record Difference(int index, String left, String right) {
    static final String END = "(end of trace)";

    @Override
    public String toString() {
      return "syscall #" + index + ": " + left + "  vs  " + right;
    }
  }

  /** The first index where the traces differ (a missing line reads "(end of trace)"), or empty if they are equal. */
  public static Optional<Difference> firstDifference(List<String> left, List<String> right) {
    int length = Math.max(left.size(), right.size());
    for (int i = 0; i < length; i++) {
      String a = i < left.size() ? left.get(i) : Difference.END;
      String b = i < right.size() ? right.get(i) : Difference.END;
      if (!a.equals(b)) {
        return Optional.of(new Difference(i, a, b));
      }
    }
    return Optional.empty();
  }
}
