package elfconv.oracle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** AArch64 Linux syscall names by number, from the resource aarch64-syscalls.txt. */
final class AArch64Syscalls {
  private static final Map<Integer, String> NAMES = new HashMap<>();
  private static final Set<String> UNNAMED_BY_QEMU = new HashSet<>();

  static {
    try (InputStream in = AArch64Syscalls.class.getResourceAsStream("aarch64-syscalls.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.trim().split("\\s+");
        NAMES.put(Integer.parseInt(fields[0]), fields[1]);
        if (fields.length > 2 && fields[2].equals("-")) {
          UNNAMED_BY_QEMU.add(fields[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read aarch64-syscalls.txt", e);
    }
  }

  private AArch64Syscalls() {}

  /** The kernel's name for a syscall number, or "syscall_N" for a number Linux does not define. */
  static String name(int number) {
    return NAMES.getOrDefault(number, "syscall_" + number);
  }

  /** True for syscalls QEMU 7.2 logs as "Unknown syscall N", without their result. */
  static boolean resultMissingFromQemuLog(String name) {
    return UNNAMED_BY_QEMU.contains(name) || name.startsWith("syscall_");
  }
}
