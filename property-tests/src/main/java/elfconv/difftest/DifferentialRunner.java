package elfconv.difftest;

import elfconv.codegen.Compiler;
import elfconv.oracle.Environment;
import elfconv.oracle.GuestRun;
import elfconv.oracle.Oracle;
import elfconv.oracle.RunResult;
import elfconv.run.TranslatedRun;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a batch of cases as one test ELF under QEMU and as translated x86_64 and wasm32 code, and compares every
 * case's final state byte for byte.
 */
public final class DifferentialRunner {
  private static final Duration TIME_LIMIT = Duration.ofMinutes(2);
  private final Path workDir;
  private final List<Target> targets;
  private int batches;

  public DifferentialRunner(Path workDir, List<Target> targets) {
    this.workDir = workDir.toAbsolutePath();
    this.targets = List.copyOf(targets);
  }

  /** Every divergence of the batch; empty when all targets did what QEMU did. */
  public List<Divergence> run(List<InstructionCase> cases) {
    Path dir = workDir.resolve("batch-" + batches++);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path elf = TestElfBuilder.build(cases, dir, "cases");
    RunResult qemu = Oracle.configured(TIME_LIMIT).run(GuestRun.of(elf, List.of(), dir), false);
    List<CaseResult> expected = CaseResult.parse(qemu.stdout(), cases.size());
    if (qemu.exitStatus() != 0 || expected == null) {
      throw new IllegalStateException("the test ELF " + elf + " failed under QEMU (status " + qemu.exitStatus()
          + "): " + qemu.stderrText().strip() + "; a case left the memory it may use");
    }
    // The targets translate and run side by side: each has its own LLVM context, and the machine has two cores.
    Map<Target, CompletableFuture<RunResult>> runs = new EnumMap<>(Target.class);
    for (Target target : targets) {
      runs.put(target, CompletableFuture.supplyAsync(() -> runTranslated(elf, target, dir)));
    }
    List<Divergence> divergences = new ArrayList<>();
    for (Target target : targets) {
      RunResult result = resultOf(runs.get(target));
      List<CaseResult> actual = CaseResult.parse(result.stdout(), cases.size());
      if (result.exitStatus() != 0 || actual == null) {
        divergences.add(new Divergence(target.id(), -1, null, List.of("the whole batch failed: status "
            + result.exitStatus() + ", stderr " + result.stderrText().strip())));
        continue;
      }
      for (int i = 0; i < cases.size(); i++) {
        List<String> differences = actual.get(i).differencesFrom(expected.get(i));
        if (!differences.isEmpty()) {
          divergences.add(new Divergence(target.id(), i, cases.get(i), differences));
        }
      }
    }
    return divergences;
  }

  private static RunResult resultOf(CompletableFuture<RunResult> run) {
    try {
      return run.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private RunResult runTranslated(Path elf, Target target, Path dir) {
    Path output = dir.resolve("cases." + target.id());
    Compiler.compile(elf, output, new Compiler.Options(target));
    Path runDir = dir.resolve("run-" + target.id());
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TranslatedRun.run(target, output, List.of(output.toString()), Environment.forGuest(), runDir, TIME_LIMIT).result();
  }

}
