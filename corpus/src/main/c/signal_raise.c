/* A signal handler installed with sigaction and run by raise: it sees the signal number and its info, changes
   program state, and is run again for a second signal; SIG_IGN ignores, and a blocked signal waits. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t hits;
static volatile sig_atomic_t last;
static volatile sig_atomic_t code_is_tkill;

static void handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  hits++;
  last = sig;
  code_is_tkill = info->si_code == SI_TKILL;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGUSR1, &sa, NULL) != 0 || sigaction(SIGUSR2, &sa, NULL) != 0) {
    printf("sigaction failed\n");
    return 1;
  }
  printf("raise SIGUSR1: %d\n", raise(SIGUSR1));
  printf("hits %d, last %s, si_code SI_TKILL %d\n", hits, last == SIGUSR1 ? "SIGUSR1" : "?", code_is_tkill);
  raise(SIGUSR2);
  printf("hits %d, last %s\n", hits, last == SIGUSR2 ? "SIGUSR2" : "?");

  signal(SIGUSR1, SIG_IGN);
  raise(SIGUSR1);
  printf("ignored: hits %d\n", hits);

  sigset_t block, pending;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR2);
  sigprocmask(SIG_BLOCK, &block, NULL);
  raise(SIGUSR2);
  sigpending(&pending);
  printf("blocked: hits %d, pending %d\n", hits, sigismember(&pending, SIGUSR2));
  sigprocmask(SIG_UNBLOCK, &block, NULL);
  printf("unblocked: hits %d, last %s\n", hits, last == SIGUSR2 ? "SIGUSR2" : "?");
  return hits == 3 ? 0 : 1;
}
