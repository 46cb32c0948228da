package elfconv.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the log of {@code qemu-aarch64 -d strace -D FILE}. QEMU 7.2 writes one line per syscall, prefixed by the
 * process id:
 * <pre>
 * 4137 write(1,0x210188,6) = 6
 * 4201 openat(AT_FDCWD,"nonexist",O_RDONLY) = -1 errno=2 (No such file or directory)
 * 4137 brk(NULL) = 0x0000000000211000
 * 4370 getitimer(ITIMER_REAL,NULL) = 0 (NULL)
 * 4370 Unknown syscall 293
 * 4137 exit_group(0)
 * --- SIGSEGV {si_signo=SIGSEGV, si_code=1, si_addr=NULL} ---
 * </pre>
 * The name and arguments are printed before the syscall runs and the result after it, so a process killed inside a
 * syscall leaves a line without result. Signal lines are skipped: they are not syscalls (the exit status shows a
 * fatal one).
 */
final class QemuStraceParser {
  private static final Pattern UNKNOWN = Pattern.compile("\\d+ Unknown syscall (\\d+)");
  // Greedy arguments: a quoted string argument may itself contain ") = ".
  private static final Pattern WITH_RESULT = Pattern.compile("\\d+ (\\w+)\\((.*)\\) = (.*)");
  private static final Pattern WITHOUT_RESULT = Pattern.compile("\\d+ (\\w+)\\((.*)\\)");
  private static final Pattern RESULT =
      Pattern.compile("-1 errno=(\\d+) .*|0x([0-9a-fA-F]+)|(-?\\d+)(?: .*)?");

  private QemuStraceParser() {}

  static List<SyscallRecord> parse(String log) {
    List<SyscallRecord> records = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.isEmpty() || line.startsWith("--- SIG")) {
        continue;
      }
      records.add(parseLine(line));
    }
    return records;
  }

  private static SyscallRecord parseLine(String line) {
    Matcher unknown = UNKNOWN.matcher(line);
    if (unknown.matches()) {
      return new SyscallRecord(AArch64Syscalls.name(Integer.parseInt(unknown.group(1))), List.of(),
          SyscallRecord.NO_RESULT);
    }
    Matcher call = WITH_RESULT.matcher(line);
    if (call.matches()) {
      Matcher result = RESULT.matcher(call.group(3));
      if (result.matches()) {
        return new SyscallRecord(call.group(1), splitArguments(call.group(2)), resultValue(result));
      }
    }
    Matcher unfinished = WITHOUT_RESULT.matcher(line);
    if (unfinished.matches()) {
      return new SyscallRecord(unfinished.group(1), splitArguments(unfinished.group(2)), SyscallRecord.NO_RESULT);
    }
    return new SyscallRecord(SyscallRecord.UNPARSED, List.of(line), SyscallRecord.NO_RESULT);
  }

  private static long resultValue(Matcher result) {
    if (result.group(1) != null) {
      return -Long.parseLong(result.group(1));
    }
    if (result.group(2) != null) {
      return Long.parseUnsignedLong(result.group(2), 16);
    }
    return Long.parseLong(result.group(3));
  }

  /** Splits at top-level commas: string arguments and {...} structures may contain commas. */
  static List<String> splitArguments(String text) {
    List<String> args = new ArrayList<>();
    if (text.isEmpty()) {
      return args;
    }
    int depth = 0;
    boolean inString = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (!inString && (c == '{' || c == '[' || c == '(')) {
        depth++;
      } else if (!inString && (c == '}' || c == ']' || c == ')')) {
        depth--;
      } else if (!inString && depth == 0 && c == ',') {
        args.add(text.substring(start, i));
        start = i + 1;
      }
    }
    args.add(text.substring(start));
    return args;
  }
}
