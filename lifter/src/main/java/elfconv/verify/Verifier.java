package elfconv.verify;

import elfconv.codegen.Target;
import elfconv.report.ProgramReport;
import java.nio.file.Path;
import java.util.List;

/** Runs a program under QEMU and as translated output for each target, and compares what they did. */
public final class Verifier {
  private final Path workDir;
  private final List<Target> targets;

  public Verifier(Path workDir, List<Target> targets) {
    this.workDir = workDir;
    this.targets = List.copyOf(targets);
  }

  public ProgramReport verify(ProgramSpec spec) {
    throw new UnsupportedOperationException("not yet");
  }
}
