/* Identity, time, randomness, limits and the single-thread calls glibc makes at start-up. */
#include "sys.h"

int main(u64 *sp) {
  (void)sp;
  char uts[6][65];
  show("uname", SYS(NR_uname, uts));
  put(uts[0]);
  put(" ");
  put(uts[4]);
  put("\n");
  i64 pid = SYS0(NR_getpid);
  show("getpid is positive", pid > 0);
  show("gettid is getpid", SYS0(NR_gettid) == pid);
  show("set_tid_address returns the tid", SYS(NR_set_tid_address, &uts) == pid);
  show("getppid", SYS0(NR_getppid) >= 0);
  show("ids agree", SYS0(NR_getuid) == SYS0(NR_geteuid) && SYS0(NR_getgid) == SYS0(NR_getegid));

  struct timespec a, b, res, two_ms = {0, 2000000}, one_ms = {0, 1000000}, invalid = {0, 1000000000};
  show("clock_gettime MONOTONIC", SYS(NR_clock_gettime, 1, &a));
  show("nanosleep 2 ms", SYS(NR_nanosleep, &two_ms, 0));
  show("clock_nanosleep 1 ms", SYS(NR_clock_nanosleep, 1, 0, &one_ms, 0));
  SYS(NR_clock_gettime, 1, &b);
  show("at least 3 ms passed", (b.sec - a.sec) * 1000000000 + (b.nsec - a.nsec) >= 3000000);
  show("nanosleep invalid", SYS(NR_nanosleep, &invalid, 0));
  show("clock_gettime REALTIME", SYS(NR_clock_gettime, 0, &a));
  show("after 2020", a.sec > 1577836800);
  show("clock_gettime bad clock", SYS(NR_clock_gettime, 99, &a));
  show("clock_getres MONOTONIC", SYS(NR_clock_getres, 1, &res));
  show("resolution", res.sec * 1000000000 + res.nsec);
  i64 tv[2];
  show("gettimeofday", SYS(NR_gettimeofday, tv, 0));
  show("microseconds in range", tv[1] >= 0 && tv[1] < 1000000 && tv[0] >= a.sec);

  u8 random[64];
  fill(random, 0, sizeof random);
  show("getrandom", SYS(NR_getrandom, random, sizeof random, 0));
  int nonzero = 0;
  for (int i = 0; i < 64; i++) nonzero += random[i] != 0;
  show("random bytes", nonzero > 32);
  show("getrandom bad flags", SYS(NR_getrandom, random, 1, 0x100));

  u64 limit[2];
  show("prlimit64 RLIMIT_STACK", SYS(NR_prlimit64, 0, 3, 0, limit));
  show("stack soft limit 8 MiB", limit[0] == 8 << 20);
  show("getrlimit RLIMIT_NOFILE", SYS(NR_getrlimit, 7, limit));
  show("prlimit64 bad resource", SYS(NR_prlimit64, 0, 99, 0, limit));
  u64 cpus[16];
  show("sched_getaffinity", SYS(NR_sched_getaffinity, 0, sizeof cpus, cpus) > 0);
  show("some CPU", (cpus[0] & 1) != 0);
  show("sched_yield", SYS0(NR_sched_yield));
  u64 robust[3];
  show("set_robust_list", SYS(NR_set_robust_list, robust, 24));
  show("set_robust_list bad size", SYS(NR_set_robust_list, robust, 8));
  show("rseq", SYS(NR_rseq, 0, 0, 0, 0));
  unsigned futex = 1;
  show("futex WAKE", SYS(NR_futex, &futex, 1 | 128, 1));
  show("futex WAIT on a changed value", SYS(NR_futex, &futex, 0 | 128, 0, 0));
  show("futex WAIT with timeout", SYS(NR_futex, &futex, 0 | 128, 1, &one_ms));
  show("unknown syscall", SYS0(400));
  return 0;
}
