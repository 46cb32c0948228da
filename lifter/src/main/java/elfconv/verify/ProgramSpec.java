package elfconv.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * A program to verify.
 *
 * @param expectedError null when every target must agree with QEMU; otherwise a regular expression the translated
 *     targets' stderr must contain, because the program does something translation cannot follow (the runtime
 *     then exits with status 126)
 */
public record ProgramSpec(String name, Path elf, List<String> args, String expectedError) {}
