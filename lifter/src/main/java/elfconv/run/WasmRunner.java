package elfconv.run;

import elfconv.toolchain.Toolchain;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.ImportType;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmFunctions;
import io.github.kawamuray.wasmtime.WasmtimeException;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Runs a translated wasm32 module in wasmtime with WASI: argv, environment, stdio, the current directory. */
public final class WasmRunner {
  /** Standard streams: a file for each, or null to inherit this process's stream. */
  public record Stdio(Path stdin, Path stdout, Path stderr) {
    public static final Stdio INHERIT = new Stdio(null, null, null);
  }

  /**
   * How a run ended: the guest's exit status, the time wasmtime took to compile the module to machine code, and
   * the time of the run itself (instantiation and {@code _start}).
   */
  public record Outcome(int status, long compileNanos, long runNanos) {}

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

  /** An exit status of 126 or more, which the runtime hands over this way because WASI cannot carry it. */
  private static Optional<Integer> statusAfterTrap(Store<Void> store, Instance instance) {
    return instance.getFunc(store, "elfconv_exit_status").map(f -> {
      try (f) {
        return WasmFunctions.func(store, f, io.github.kawamuray.wasmtime.WasmValType.I32).call();
      }
    }).filter(status -> status >= 0);
  }

  /** Runs {@code _start}. */
  public static Outcome run(Path wasm, List<String> argv, Map<String, String> env, Path cwd, Stdio stdio) {
    WasiCtxBuilder builder = new WasiCtxBuilder().args(argv).preopenedDir(cwd.toAbsolutePath(), ".");
    env.forEach(builder::env);
    if (stdio.stdin() == null) {
      builder.inheritStdin();
    } else {
      builder.stdin(stdio.stdin());
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
    WasiCtx wasi = builder.build();
    long compileStart = System.nanoTime();
    try (Store<Void> store = Store.withoutData(wasi);
        Engine engine = store.engine();
        Linker linker = new Linker(engine);
        Module module = Module.fromFile(engine, wasm.toString())) {
      long runStart = System.nanoTime();
      WasiCtx.addToLinker(linker);
      // One instance for the whole run (a command module in a Linker would get a fresh one per export call).
      List<Extern> imports = new ArrayList<>();
      for (ImportType i : module.imports()) {
        imports.add(linker.get(store, i.module(), i.name()).orElseThrow(() -> new IllegalArgumentException(
            wasm + " imports " + i.module() + "." + i.name() + ", which WASI preview1 does not provide")));
      }
      int status;
      try (Instance instance = new Instance(store, module, imports);
          Func start = instance.getFunc(store, "_start").orElseThrow(
              () -> new IllegalArgumentException(wasm + " has no _start export: not a WASI command module"))) {
        try {
          WasmFunctions.consumer(store, start).accept();
          status = 0;
        } catch (WasmFunctionError.I32ExitError exit) {
          status = exit.exitCode();
        } catch (WasmFunctionError.TrapError | WasmtimeException trap) {
          status = statusAfterTrap(store, instance).orElseThrow(() -> new IllegalStateException(
              wasm + ": the module trapped: " + trap.getMessage().lines().findFirst().orElse("")));
        }
      }
      return new Outcome(status, runStart - compileStart, System.nanoTime() - runStart);
    }
  }
}
