package elfconv.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A process environment as envp holds it: {@code NAME=VALUE} entries in order. glibc's start-up walks envp (its
 * tunables), and so do programs, so runs that are compared must see the same entries in the same order — which a
 * map, as the JDK's ProcessBuilder keeps the environment, does not preserve.
 */
public record Environment(List<String> entries) {
  /** Variables of elfconv itself: they configure the runtime or the launcher, and no guest sees them. */
  public static final String OWN_PREFIX = "ELFCONV_";
  /**
   * Set by the {@code elfconv} launcher to a file descriptor holding its caller's environment (base64 of
   * {@code /proc/PID/environ}): the launcher is a shell script, and a shell reorders what it exports.
   */
  static final String CALLER_ENVIRON_FD = "ELFCONV_ENVIRON_FD";

  private static Environment started;

  public Environment {
    entries = List.copyOf(entries);
    for (String entry : entries) {
      if (entry.indexOf('=') <= 0) {
        throw new IllegalArgumentException("environment entry '" + entry + "' is not NAME=VALUE");
      }
    }
  }

  /**
   * The environment this process was started with, in its order ({@code /proc/self/environ}), or the caller's that
   * the launcher passed on; entries without {@code =}, which Linux allows but no shell can set, are left out.
   */
  public static synchronized Environment ofThisProcess() {
    if (started == null) {
      String fd = System.getenv(CALLER_ENVIRON_FD);
      try {
        byte[] raw = fd != null
            ? Base64.getMimeDecoder().decode(Files.readAllBytes(Path.of("/proc/self/fd", fd)))
            : Files.readAllBytes(Path.of("/proc/self/environ"));
        List<String> entries = new ArrayList<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
          if (entry.indexOf('=') > 0) {
            entries.add(entry);
          }
        }
        started = new Environment(entries);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read this process's environment: " + e.getMessage(), e);
      }
    }
    return started;
  }

  /** What a guest started by the user gets: this process's environment without elfconv's own variables. */
  public static Environment forGuest() {
    return ofThisProcess().withoutOwn();
  }

  public Optional<String> get(String name) {
    String prefix = name + "=";
    return entries.stream().filter(e -> e.startsWith(prefix)).findFirst().map(e -> e.substring(prefix.length()));
  }

  /** {@code name} set to {@code value}: in its place if present (as a shell's assignment keeps it), else last. */
  public Environment with(String name, String value) {
    String prefix = name + "=";
    List<String> changed = new ArrayList<>(entries);
    int at = indexOf(prefix);
    if (at >= 0) {
      changed.set(at, prefix + value);
    } else {
      changed.add(prefix + value);
    }
    return new Environment(changed);
  }

  public Environment withoutOwn() {
    return new Environment(entries.stream().filter(e -> !e.startsWith(OWN_PREFIX)).toList());
  }

  /** The entries last to first: QEMU's linux-user builds the guest's envp from its own in reverse order. */
  public Environment reversed() {
    List<String> reversed = new ArrayList<>(entries);
    Collections.reverse(reversed);
    return new Environment(reversed);
  }

  private int indexOf(String prefix) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
