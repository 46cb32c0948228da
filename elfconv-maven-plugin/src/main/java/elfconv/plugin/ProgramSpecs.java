package elfconv.plugin;

import elfconv.verify.ProgramSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the {@link ProgramSpec} of a program from its optional {@code NAME.properties}. For a program built at
 * several optimisation levels ({@code NAME-O0}, {@code NAME-O2}) one {@code NAME.properties} serves them all,
 * unless a {@code NAME-O2.properties} of its own exists. Each line is {@code key=value}, the value taken verbatim
 * (no escapes, so a regular expression is written as is); blank lines and lines starting with {@code #} are
 * ignored. Keys:
 * <ul>
 *   <li>{@code args}: the guest's arguments, separated by white space; a part in single quotes is taken as is,
 *       spaces included, as in sh ({@code args=sh -c 'echo a b'} gives three arguments);
 *   <li>{@code stdin}: a file, relative to the properties file's folder, whose bytes are the guest's standard input
 *       (default: empty);
 *   <li>{@code elf}: the ELF to run, a file name in the ELF folder, when it is not named like the program (several
 *       runs of one multi-call binary);
 *   <li>{@code expect.error}: a regular expression the translated targets' stderr must contain, instead of
 *       agreeing with QEMU.
 * </ul>
 */
final class ProgramSpecs {
  private static final Pattern OPTIMISATION_SUFFIX = Pattern.compile("-O[0-3s]$");

  private ProgramSpecs() {}

  /**
   * @param elfDirectory where the ELF is, named like the program unless {@code elf=} says otherwise
   * @param propertiesDirectory where {@code NAME.properties} is looked up
   * @throws IllegalArgumentException naming the file and line of a malformed entry, or a missing file
   */
  static ProgramSpec load(String name, Path elfDirectory, Path propertiesDirectory) throws IOException {
    Path properties = propertiesDirectory.resolve(name + ".properties");
    if (!Files.exists(properties)) {
      properties = propertiesDirectory.resolve(OPTIMISATION_SUFFIX.matcher(name).replaceFirst("") + ".properties");
    }
    List<String> args = List.of();
    String expectedError = null;
    Path stdin = null;
    int timingRuns = 0;
    String elfName = name;
    if (Files.exists(properties)) {
      List<String> lines = Files.readAllLines(properties, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String where = properties + ":" + (i + 1) + ": ";
        int equals = line.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException(where + "expected key=value, found '" + line + "'");
        }
        String key = line.substring(0, equals).strip();
        String value = line.substring(equals + 1).strip();
        switch (key) {
          case "args" -> args = words(where, value);
          case "expect.error" -> expectedError = regex(where, value);
          case "stdin" -> stdin = existing(where, properties.getParent().resolve(value));
          case "elf" -> elfName = value;
          case "timing.runs" -> timingRuns = count(where, value);
          default -> throw new IllegalArgumentException(where + "unknown key '" + key
              + "' (known keys: args, stdin, elf, expect.error, timing.runs)");
        }
      }
    }
    Path elf = elfDirectory.resolve(elfName);
    if (!Files.isRegularFile(elf)) {
      throw new IllegalArgumentException("program '" + name + "' has no ELF at " + elf);
    }
    return new ProgramSpec(name, elf, args, expectedError, stdin, timingRuns);
  }

  /** The same run of the program {@code program} of a multi-call ELF built by {@code compile-c}. */
  static ProgramSpec inMultiCall(ProgramSpec spec, String program, Path multiCall) {
    if (!Files.isRegularFile(multiCall)) {
      throw new IllegalArgumentException("program '" + spec.name() + "' has no multi-call ELF at " + multiCall
          + ": build it with compile-c and the same multiCall");
    }
    List<String> args = new ArrayList<>(List.of(program));
    args.addAll(spec.args());
    return new ProgramSpec(spec.name(), multiCall, args, spec.expectedError(), spec.stdin(), spec.timingRuns(),
        spec.environment());
  }

  private static int count(String where, String value) {
    try {
      int runs = Integer.parseInt(value);
      if (runs >= 1 && runs <= 99) {
        return runs;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + "timing.runs must be a number of runs from 1 to 99, found '" + value
        + "'");
  }

  /** Splits at white space outside single quotes; the quotes themselves are dropped. */
  static List<String> words(String where, String value) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        int close = value.indexOf('\'', i + 1);
        if (close < 0) {
          throw new IllegalArgumentException(where + "args: unterminated single quote at column " + (i + 1));
        }
        word = word == null ? new StringBuilder() : word;
        word.append(value, i + 1, close);
        i = close;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }

  private static Path existing(String where, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(where + "stdin: no such file " + file);
    }
    return file;
  }

  private static String regex(String where, String value) {
    try {
      Pattern.compile(value);
      return value;
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(where + "expect.error is not a regular expression: "
          + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
