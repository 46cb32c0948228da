package elfconv.oracle;

import java.nio.file.Path;
import java.util.List;

/**
 * A guest program to run under QEMU.
 *
 * @param argv0 what the guest sees as argv[0]; a translated executable sees its own path there, so a comparison
 *     gives both the same
 * @param workDir the guest's current directory
 */
public record GuestRun(Path elf, String argv0, List<String> args, Path workDir, byte[] stdin) {
  public GuestRun {
    elf = elf.toAbsolutePath();
    args = List.copyOf(args);
  }

  /** argv[0] is the ELF's absolute path, stdin is empty. */
  public static GuestRun of(Path elf, List<String> args, Path workDir) {
    return new GuestRun(elf, elf.toAbsolutePath().toString(), args, workDir, new byte[0]);
  }

  public GuestRun withArgv0(String newArgv0) {
    return new GuestRun(elf, newArgv0, args, workDir, stdin);
  }

  public GuestRun withStdin(byte[] newStdin) {
    return new GuestRun(elf, argv0, args, workDir, newStdin);
  }
}
