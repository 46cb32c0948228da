/* Interval timers: setitimer/getitimer with their errors, SIGALRM ending a nanosleep (EINTR and the time left), a
 * ppoll without descriptors (pause) and rt_sigsuspend, an interval timer waited for five times, and ITIMER_PROF
 * counting the CPU time of a busy loop. Where a signal arrives is kept deterministic (the syscall traces are
 * compared): a timer that could expire while the program runs has its signal blocked until a chosen syscall. */
#include "sys.h"

#define SIGALRM 14
#define SIGPROF 27
#define SA_SIGINFO 4

struct sigaction {
  void *handler;
  u64 flags, restorer, mask;
};
struct itimerval {
  i64 interval_sec, interval_usec, value_sec, value_usec;
};

static volatile int alarms, profs, last_code;

static void on_alarm(int signal, int *info, void *context) {
  (void)context;
  if (signal == SIGALRM) alarms++;
  if (signal == SIGPROF) profs++;
  last_code = info[2];
}

static i64 arm(int which, i64 value_usec, i64 interval_usec) {
  struct itimerval t = {interval_usec / 1000000, interval_usec % 1000000, value_usec / 1000000,
                        value_usec % 1000000};
  return SYS(NR_setitimer, which, &t, 0);
}

int main(u64 *sp) {
  (void)sp;
  struct sigaction action = {on_alarm, SA_SIGINFO, 0, 0};
  SYS(NR_rt_sigaction, SIGALRM, &action, 0, 8);
  SYS(NR_rt_sigaction, SIGPROF, &action, 0, 8);

  struct itimerval now;
  show("getitimer disarmed", SYS(NR_getitimer, 0, &now));
  show("disarmed reads zero", now.value_sec == 0 && now.value_usec == 0 && now.interval_usec == 0);
  show("getitimer bad which", SYS(NR_getitimer, 3, &now));
  show("getitimer bad pointer", SYS(NR_getitimer, 0, 16));
  struct itimerval bad = {0, 0, 0, 1000000};
  show("setitimer bad microseconds", SYS(NR_setitimer, 0, &bad, 0));
  show("setitimer bad which", SYS(NR_setitimer, 5, &bad, 0));

  show("alarm in 50 ms", arm(0, 50000, 0));
  SYS(NR_getitimer, 0, &now);
  show("running down", now.value_sec == 0 && now.value_usec > 0 && now.value_usec <= 50000);
  struct itimerval old;
  struct itimerval again = {0, 0, 0, 50000};
  show("setitimer reads the old value", SYS(NR_setitimer, 0, &again, &old));
  show("old value was running", old.value_usec > 0 && old.value_usec <= 50000);
  struct timespec second = {1, 0}, left = {0, 0};
  show("nanosleep interrupted", SYS(NR_nanosleep, &second, &left));
  show("alarms", alarms);
  show("si_code SI_KERNEL", last_code == 0x80);
  show("most of the second left", left.sec == 0 && left.nsec > 800000000);

  arm(0, 30000, 0);
  show("ppoll without descriptors (pause)", SYS(NR_ppoll, 0, 0, 0, 0));
  show("alarms", alarms);

  u64 block_alarm = 1ul << (SIGALRM - 1), none = 0, mask = 0;
  SYS(NR_rt_sigprocmask, 2 /* SIG_SETMASK */, &block_alarm, 0, 8);
  arm(0, 20000, 0);
  show("rt_sigsuspend", SYS(NR_rt_sigsuspend, &none, 8));
  show("alarms", alarms);
  SYS(NR_rt_sigprocmask, 0, 0, &mask, 8);
  show("SIGALRM blocked again after it", mask == block_alarm);
  show("rt_sigsuspend bad size", SYS(NR_rt_sigsuspend, &none, 4));

  arm(0, 10000, 10000);
  int interrupted = 0;
  for (int i = 0; i < 5; i++) interrupted += SYS(NR_rt_sigsuspend, &none, 8) == -4;
  arm(0, 0, 0);
  show("an interval timer waited for five times", interrupted == 5 && alarms == 8);
  SYS(NR_getitimer, 0, &now);
  show("disarmed again", now.value_usec == 0 && now.interval_usec == 0);
  SYS(NR_rt_sigprocmask, 2, &none, 0, 8);

  u64 block_prof = 1ul << (SIGPROF - 1);
  SYS(NR_rt_sigprocmask, 2, &block_prof, 0, 8);
  show("profiling timer in 5 ms of CPU time", arm(2, 5000, 0));
  volatile u64 spin = 0;
  for (u64 i = 0; i < 50000000ul; i++) spin += i;
  show("unblocked", SYS(NR_rt_sigprocmask, 2, &none, 0, 8));
  show("SIGPROF arrived once", profs);
  return 0;
}
