package elfconv.plugin;

import elfconv.verify.ProgramSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the {@link ProgramSpec} of an ELF from its optional {@code NAME.properties} next to the assembly source.
 * Each line is {@code key=value}, the value taken verbatim (no escapes, so a regular expression is written as
 * is); blank lines and lines starting with {@code #} are ignored. Keys:
 * <ul>
 *   <li>{@code args}: the guest's arguments, separated by spaces;
 *   <li>{@code expect.error}: a regular expression the translated targets' stderr must contain, instead of
 *       agreeing with QEMU.
 * </ul>
 */
final class ProgramSpecs {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private ProgramSpecs() {}

  /**
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  static ProgramSpec load(String name, Path elf, Path properties) throws IOException {
    List<String> args = List.of();
    String expectedError = null;
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
          case "args" -> args = value.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(value));
          case "expect.error" -> expectedError = regex(where, value);
          default -> throw new IllegalArgumentException(where + "unknown key '" + key
              + "' (known keys: args, expect.error)");
        }
      }
    }
    return new ProgramSpec(name, elf, List.copyOf(args), expectedError);
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
