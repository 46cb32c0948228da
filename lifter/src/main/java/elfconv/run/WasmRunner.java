package elfconv.run;

import elfconv.oracle.Environment;
import elfconv.toolchain.Toolchain;
import io.github.kawamuray.wasmtime.Config;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.ImportType;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Trap;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmFunctions;
import io.github.kawamuray.wasmtime.WasmValType;
import io.github.kawamuray.wasmtime.WasmtimeException;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a translated wasm32 module in wasmtime with WASI: argv, environment, stdio, the current directory. */
public final class WasmRunner {
  /** Standard streams: a file for each, or null to inherit this process's stream. */
  public record Stdio(Path stdin, Path stdout, Path stderr) {
    public static final Stdio INHERIT = new Stdio(null, null, null);
  }

  /**
   * How a run ended: the guest's exit status, the time wasmtime took to compile the module to machine code (or to
   * load it from its cache), and the time of the run itself (instantiation and {@code _start}).
   */
  public record Outcome(int status, long compileNanos, long runNanos) {}

  /**
   * Every guest call is a wasm call, so deep guest recursion needs a deep wasm stack. wasmtime-java cannot raise
   * wasmtime's async stack size (2 MiB), which caps the wasm stack; that is still four times wasmtime's default.
   * wasm runs on the calling thread's stack, so the run gets a thread with room for it.
   */
  private static final long WASM_STACK = 2L << 20;
  private static final long THREAD_STACK = 16L << 20;
  /** Traps that a Linux process would see as SIGSEGV; any other trap ends the guest as SIGABRT would. */
  private static final EnumSet<Trap> SEGV_TRAPS =
      EnumSet.of(Trap.STACK_OVERFLOW, Trap.MEMORY_OUT_OF_BOUNDS, Trap.HEAP_MISALIGNED);

  private WasmRunner() {}

  static {
    // wasmtime-java unpacks its native library into java.io.tmpdir on every start: keep those in our cache.
    Path tmp = Toolchain.cacheDir().resolve("tmp");
    try {
      Files.createDirectories(tmp);
      System.setProperty("java.io.tmpdir", tmp.toString());
    } catch (IOException e) {
      // Fall back to the default temporary folder.
    }
  }

  /** Runs {@code _start}. */
  public static Outcome run(Path wasm, List<String> argv, Environment env, Path cwd, Stdio stdio) {
    AtomicReference<Outcome> outcome = new AtomicReference<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        outcome.set(runHere(wasm, argv, env, cwd, stdio));
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }, "wasm guest", THREAD_STACK);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + wasm + " ran");
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return outcome.get();
  }

  private static Outcome runHere(Path wasm, List<String> argv, Environment env, Path cwd, Stdio stdio) {
    if (stdio.stdin() == null) {
      return runHere(wasm, argv, env, cwd, stdio, System.in);
    }
    try (InputStream stdin = Files.newInputStream(stdio.stdin())) {
      return runHere(wasm, argv, env, cwd, stdio, stdin);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + stdio.stdin() + ": " + e.getMessage(), e);
    }
  }

  private static Outcome runHere(Path wasm, List<String> argv, Environment env, Path cwd, Stdio stdio,
      InputStream stdin) {
    long compileStart = System.nanoTime();
    try (Config config = new Config().maxWasmStack(WASM_STACK).cacheConfigLoad(engineCacheConfig());
        Engine engine = new Engine(config);
        Store<Void> store = new Store<>(null, engine, wasi(argv, env, cwd, stdio));
        Linker linker = new Linker(engine);
        Module module = Module.fromFile(engine, wasm.toString())) {
      long runStart = System.nanoTime();
      WasiCtx.addToLinker(linker);
      // One instance for the whole run (a command module in a Linker would get a fresh one per export call).
      List<Extern> imports = new ArrayList<>();
      for (ImportType i : module.imports()) {
        Extern wasi = linker.get(store, i.module(), i.name()).orElseThrow(() -> new IllegalArgumentException(
            wasm + " imports " + i.module() + "." + i.name() + ", which WASI preview1 does not provide"));
        imports.add(i.name().equals("fd_read") ? Extern.fromFunc(StandardInput.fdRead(store, stdin, wasi.func()))
            : wasi);
      }
      int status;
      String fault = null;
      try (Instance instance = new Instance(store, module, imports);
          Func start = instance.getFunc(store, "_start").orElseThrow(
              () -> new IllegalArgumentException(wasm + " has no _start export: not a WASI command module"))) {
        try {
          WasmFunctions.consumer(store, start).accept();
          status = 0;
        } catch (WasmFunctionError.I32ExitError exit) {
          status = exit.exitCode();
        } catch (WasmFunctionError.TrapError trap) {
          Optional<Integer> handedOver = statusAfterTrap(store, instance);
          status = handedOver.orElse(SEGV_TRAPS.contains(trap.trap()) ? 139 : 134);
          fault = handedOver.isPresent() ? null : trapDiagnostic(trap.trap());
        } catch (WasmtimeException trap) {
          status = statusAfterTrap(store, instance).orElseThrow(() -> new IllegalStateException(
              wasm + ": the module trapped: " + trap.getMessage().lines().findFirst().orElse("")));
        }
      }
      long runNanos = System.nanoTime() - runStart;
      if (fault != null) {
        reportFault(fault, stdio);
      }
      return new Outcome(status, runStart - compileStart, runNanos);
    }
  }

  /**
   * wasmtime's own cache of compiled modules, beside elfconv's translations: a module run again (a busybox applet
   * after another) is loaded, not compiled again.
   */
  private static Path engineCacheConfig() {
    Path dir = Toolchain.cacheDir().resolve("wasmtime");
    Path config = dir.resolve("cache.toml");
    String text = "[cache]\nenabled = true\ndirectory = \"" + dir.resolve("modules").toAbsolutePath() + "\"\n";
    try {
      if (!Files.exists(config) || !Files.readString(config).equals(text)) {
        Files.createDirectories(dir);
        Path partial = Files.writeString(Files.createTempFile(dir, "cache", ".toml"), text);
        Files.move(partial, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write wasmtime's cache configuration " + config, e);
    }
  }

  private static WasiCtx wasi(List<String> argv, Environment env, Path cwd, Stdio stdio) {
    // Standard input is served by StandardInput, not by the WASI context. The working directory is the first
    // preopened directory; ELFCONV_CWD tells the runtime its host path (for getcwd and absolute paths).
    WasiCtxBuilder builder = new WasiCtxBuilder().args(argv).preopenedDir(cwd.toAbsolutePath(), ".");
    for (String entry : env.entries()) {
      int equals = entry.indexOf('=');
      builder.env(entry.substring(0, equals), entry.substring(equals + 1));
    }
    builder.env("ELFCONV_CWD", cwd.toAbsolutePath().normalize().toString());
    // Trace files named by an absolute path lie outside the guest's directory: their folder is preopened under
    // its own name, where the runtime looks for it (the guest's descriptors never show WASI's).
    for (String variable : List.of("ELFCONV_STRACE", "ELFCONV_REGTRACE")) {
      String file = env.get(variable).orElse(null);
      if (file != null && Path.of(file).isAbsolute() && Path.of(file).getParent() != null) {
        Path folder = Path.of(file).getParent();
        builder.preopenedDir(folder, folder.toString());
      }
    }
    if (stdio.stdout() == null) {
      builder.inheritStdout();
    } else {
      builder.stdout(stdio.stdout());
    }
    if (stdio.stderr() == null) {
      builder.inheritStderr();
    } else {
      builder.stderr(stdio.stderr());
    }
    return builder.build();
  }

  /** An exit status of 126 or more, which the runtime hands over this way because WASI cannot carry it. */
  private static Optional<Integer> statusAfterTrap(Store<Void> store, Instance instance) {
    return instance.getFunc(store, "elfconv_exit_status").map(f -> {
      try (f) {
        return WasmFunctions.func(store, f, WasmValType.I32).call();
      }
    }).filter(status -> status >= 0);
  }

  /** Guest calls are wasm calls, and their depth is what the wasm and shadow stacks hold. */
  private static String trapDiagnostic(Trap trap) {
    return switch (trap) {
      case STACK_OVERFLOW -> "elfconv: the guest's calls nest deeper than the wasm stack (" + (WASM_STACK >> 20)
          + " MiB) holds";
      case MEMORY_OUT_OF_BOUNDS -> "elfconv: the guest stopped on a wasm trap: MEMORY_OUT_OF_BOUNDS (the guest's "
          + "calls may nest deeper than the shadow stack holds)";
      default -> "elfconv: the guest stopped on a wasm trap: " + trap;
    };
  }

  /** The one-line diagnostic of a guest fault, on the guest's stderr where the guest's own output went. */
  private static void reportFault(String line, Stdio stdio) {
    if (stdio.stderr() == null) {
      System.err.println(line);
      return;
    }
    try {
      Files.writeString(stdio.stderr(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
