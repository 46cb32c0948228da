package elfconv.oracle;

import java.nio.file.Path;
import java.util.List;

/**
 * A guest program to run under QEMU.
 *
 * @param argv0 what the guest sees as argv[0]; a translated executable sees its own path there, so a comparison
 *     gives both the same
 * @param workDir the guest's current directory
 * @param environment the guest's envp, in order (PWD is set to {@code workDir} in its place, as a shell there would)
 */
public record GuestRun(Path elf, String argv0, List<String> args, Path workDir, byte[] stdin,
    Environment environment) {
  public GuestRun {
    elf = elf.toAbsolutePath();
    args = List.copyOf(args);
  }

  /** argv[0] is the ELF's absolute path, stdin is empty, the environment is {@link Environment#forGuest}. */
  public static GuestRun of(Path elf, List<String> args, Path workDir) {
    return new GuestRun(elf, elf.toAbsolutePath().toString(), args, workDir, new byte[0], Environment.forGuest());
  }

  /** The environment the guest sees: {@code environment} with PWD naming {@code workDir}. */
  public Environment guestEnvironment() {
    return environment.with("PWD", workDir.toAbsolutePath().toString());
  }

  public GuestRun withArgv0(String newArgv0) {
    return new GuestRun(elf, newArgv0, args, workDir, stdin, environment);
  }

  public GuestRun withStdin(byte[] newStdin) {
    return new GuestRun(elf, argv0, args, workDir, newStdin, environment);
  }

  public GuestRun withEnvironment(Environment newEnvironment) {
    return new GuestRun(elf, argv0, args, workDir, stdin, newEnvironment);
  }
}
