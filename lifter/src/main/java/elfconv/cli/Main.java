package elfconv.cli;

import elfconv.elf.ElfFormatException;
import elfconv.lift.TranslationException;
import elfconv.toolchain.ToolchainException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code elfconv}: translate AArch64 Linux executables to x86_64 or wasm32, run them, verify them against QEMU. */
@Command(name = "elfconv", mixinStandardHelpOptions = true, version = "elfconv 0.1",
    description = "Ahead-of-time translator from static Linux/AArch64 ELF executables to x86_64 and wasm32.",
    subcommands = {CompileCommand.class, RunCommand.class, VerifyCommand.class, DisasmCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line; user errors print one line on stderr and give exit status 1. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean userError = e instanceof ElfFormatException || e instanceof TranslationException
          || e instanceof ToolchainException || e instanceof IllegalArgumentException
          || e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException;
      commandLine.getErr().println("elfconv: " + (userError ? "" : "internal error: ") + e.getMessage()
          + (userError ? "" : " (set ELFCONV_DEBUG=1 for the stack trace)"));
      if (System.getenv("ELFCONV_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      return 1;
    });
    return cli.execute(args);
  }
}
