package elfconv.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns syscall records into comparable lines: the name, the result, and only those arguments that mean the same
 * in QEMU and in a translated program. Guest pointers are never compared by value: QEMU and the runtime lay out
 * memory differently, and QEMU prints pointer arguments truncated to 32 bits.
 * <ul>
 *   <li>{@code read(fd,count) = n}, {@code write(fd,count) = n}, {@code close(fd) = n}: fd and count as 32-bit
 *       signed numbers, because QEMU prints them with %d;
 *   <li>{@code exit(status)}, {@code exit_group(status)}: never a result;
 *   <li>{@code brk(+0x1000) = +0x1000}: argument and result relative to the first brk result, {@code brk(0)} for a
 *       query;
 *   <li>{@code mmap = ptr}: results that are addresses; {@code getpid = varies}: results that differ from run to
 *       run (process ids, clock ticks); an error still shows its errno ({@code mmap = -12});
 *   <li>{@code rseq = ?}: results QEMU 7.2 does not log, whoever made the trace; {@code rt_sigreturn = ?};
 *   <li>{@code openat("dir/file") = 4}: paths by content, for the calls QEMU prints them for ({@code ptr} where it
 *       could not read one), with the run's working directory as {@code <cwd>};
 *   <li>{@code getcwd = varies}, {@code readlinkat("/proc/self/exe") = varies}: lengths of host paths, which differ
 *       between the QEMU run and a translated one; {@code sched_getaffinity = varies}: the host's CPU mask size;
 *       {@code getuid = varies}: a WASI process has no user, the runtime answers root;
 *   <li>{@code uname = 0}: every other syscall by name and result.
 * </ul>
 */
final class TraceNormaliser {
  private static final Set<String> FD_AND_COUNT = Set.of("read", "write");
  private static final Set<String> EXITS = Set.of("exit", "exit_group");
  private static final Set<String> ADDRESS_RESULTS = Set.of("mmap", "mremap", "shmat");
  private static final Set<String> VARYING_RESULTS =
      Set.of("getpid", "getppid", "gettid", "set_tid_address", "getpgid", "getsid", "setsid", "clone", "times",
          "getcwd", "sched_getaffinity", "getuid", "geteuid", "getgid", "getegid");

  /** The arguments QEMU 7.2 prints as strings, by syscall. */
  private static final Map<String, List<Integer>> PATH_ARGUMENTS = Map.of("openat", List.of(1), "newfstatat",
      List.of(1), "statx", List.of(1), "readlinkat", List.of(1), "faccessat", List.of(1), "mkdirat", List.of(1),
      "unlinkat", List.of(1), "renameat", List.of(1, 3), "chdir", List.of(0), "execve", List.of(0));
  private static final String SELF_EXE = "\"/proc/self/exe\"";

  private final String workDir;
  private Long brkBase;

  /** @param workDir the run's working directory (absolute), or null */
  TraceNormaliser(String workDir) {
    this.workDir = workDir;
  }

  List<String> normalise(List<SyscallRecord> records) {
    List<String> lines = new ArrayList<>();
    for (SyscallRecord record : records) {
      lines.add(line(record));
    }
    return lines;
  }

  private String line(SyscallRecord record) {
    String name = record.name();
    if (name.equals(SyscallRecord.UNPARSED)) {
      return "unparsed trace line: " + record.args().get(0);
    }
    if (EXITS.contains(name)) {
      return name + "(" + int32(record, 0) + ")";
    }
    if (FD_AND_COUNT.contains(name)) {
      return name + "(" + int32(record, 0) + "," + int32(record, 2) + ") = " + result(record);
    }
    if (name.equals("close")) {
      return name + "(" + int32(record, 0) + ") = " + result(record);
    }
    if (name.equals("brk")) {
      return brk(record);
    }
    List<Integer> paths = PATH_ARGUMENTS.get(name);
    if (paths != null) {
      List<String> shown = new ArrayList<>();
      for (int index : paths) {
        String arg = index < record.args().size() ? record.args().get(index).trim() : "";
        shown.add(arg.startsWith("\"") ? relativeToWorkDir(arg) : "ptr");
      }
      boolean selfExe = name.equals("readlinkat") && shown.get(0).equals(SELF_EXE) && !record.failed();
      return name + "(" + String.join(",", shown) + ") = " + (selfExe ? "varies" : result(record));
    }
    return name + " = " + result(record);
  }

  /** "/run/dir/x" becomes "<cwd>/x": each run has its own directory. */
  private String relativeToWorkDir(String quoted) {
    String path = quoted.substring(1, quoted.length() - 1);
    if (workDir != null && (path.equals(workDir) || path.startsWith(workDir + "/"))) {
      return "\"<cwd>" + path.substring(workDir.length()) + "\"";
    }
    return quoted;
  }

  private String result(SyscallRecord record) {
    // rt_sigreturn "returns" the interrupted x0; QEMU logs its own internal -513 instead.
    if (!record.hasResult() || AArch64Syscalls.resultMissingFromQemuLog(record.name())
        || record.name().equals("rt_sigreturn")) {
      return "?";
    }
    if (record.failed()) {
      return Long.toString(record.result());
    }
    if (ADDRESS_RESULTS.contains(record.name())) {
      return "ptr";
    }
    return VARYING_RESULTS.contains(record.name()) ? "varies" : Long.toString(record.result());
  }

  private String brk(SyscallRecord record) {
    if (brkBase == null && record.hasResult()) {
      brkBase = record.result();
    }
    long requested = number(record, 0);
    String argument = requested == 0 ? "0" : relative(requested);
    return "brk(" + argument + ") = " + (record.hasResult() ? relative(record.result()) : "?");
  }

  private String relative(long address) {
    if (brkBase == null) {
      return "0x" + Long.toHexString(address);
    }
    long offset = address - brkBase;
    return (offset < 0 ? "-0x" + Long.toHexString(-offset) : "+0x" + Long.toHexString(offset));
  }

  private static int int32(SyscallRecord record, int index) {
    return (int) number(record, index);
  }

  /** An argument as a number: QEMU prints decimal, 0x-hex or NULL; the runtime always 0x-hex. */
  private static long number(SyscallRecord record, int index) {
    if (index >= record.args().size()) {
      throw new IllegalArgumentException(record.name() + " has no argument " + (index + 1) + ": " + record);
    }
    String arg = record.args().get(index).trim();
    try {
      if (arg.equals("NULL") || arg.equals("(nil)")) {
        return 0;
      }
      if (arg.startsWith("0x")) {
        return Long.parseUnsignedLong(arg.substring(2), 16);
      }
      return Long.parseLong(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument " + (index + 1) + " of " + record.name() + " is not a number: "
          + arg);
    }
  }
}
