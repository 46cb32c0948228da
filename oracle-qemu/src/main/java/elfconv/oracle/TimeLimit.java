package elfconv.oracle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ProcessDestroyer;

/**
 * Kills a process and its descendants with SIGKILL once it outlives its time limit. commons-exec's
 * ExecuteWatchdog only sends SIGTERM, which QEMU hands to the guest, and a guest may catch or ignore it.
 * DefaultExecutor registers the process here right after starting it and removes it once it has exited.
 */
final class TimeLimit implements ProcessDestroyer {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "elfconv-process-time-limit");
    thread.setDaemon(true);
    return thread;
  });

  private final Duration limit;
  private ScheduledFuture<?> pendingKill;
  private volatile boolean exceeded;

  TimeLimit(Duration limit) {
    this.limit = limit;
  }

  @Override
  public synchronized boolean add(Process process) {
    pendingKill = TIMER.schedule(() -> kill(process), limit.toNanos(), TimeUnit.NANOSECONDS);
    return true;
  }

  @Override
  public synchronized boolean remove(Process process) {
    if (pendingKill == null) {
      return false;
    }
    pendingKill.cancel(false);
    pendingKill = null;
    return true;
  }

  @Override
  public synchronized int size() {
    return pendingKill == null ? 0 : 1;
  }

  boolean exceeded() {
    return exceeded;
  }

  private void kill(Process process) {
    if (!process.isAlive()) {
      return;
    }
    exceeded = true;
    // Find the descendants while the parent still holds them (orphans are re-parented out of reach), then kill
    // the parent first, so that it cannot start another child while its current ones die.
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    for (ProcessHandle descendant : descendants) {
      descendant.descendants().forEach(ProcessHandle::destroyForcibly);
      descendant.destroyForcibly();
    }
  }
}
