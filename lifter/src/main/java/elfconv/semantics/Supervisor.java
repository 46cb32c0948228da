package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** SVC: a Linux system call (the immediate is ignored, as Linux does). */
final class Supervisor {
  private Supervisor() {}

  static void SVC(Args.Exception a, Emitter e) {
    e.syscall();
  }
}
