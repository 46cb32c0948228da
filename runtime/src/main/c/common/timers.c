/* Interval timers: setitimer and getitimer (alarm and ualarm go through them). ITIMER_REAL counts
 * CLOCK_MONOTONIC and raises SIGALRM; ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU time and raise
 * SIGVTALRM and SIGPROF. Signals reach the guest when a syscall ends, so that is where an expired timer raises
 * its own (restarting with its interval); and a sleep the guest starts (nanosleep, clock_nanosleep, ppoll,
 * pselect6, rt_sigsuspend) ends at ITIMER_REAL's deadline, with EINTR, as SIGALRM interrupts it on Linux. */
#include "files.h"
#include "linux.h"
#include "runtime.h"

#define NS 1000000000ull
#define TIMERS 3
#define SI_KERNEL 0x80

typedef struct GuestItimerval {
  int64_t interval_sec, interval_usec, value_sec, value_usec;
} GuestItimerval;

static const uint32_t CLOCK_OF[TIMERS] = {1 /* CLOCK_MONOTONIC */, 2 /* CLOCK_PROCESS_CPUTIME_ID */, 2};
static const uint32_t SIGNAL_OF[TIMERS] = {LINUX_SIGALRM, LINUX_SIGVTALRM, LINUX_SIGPROF};

static struct {
  uint64_t deadline; /* on the timer's clock, in ns; 0: disarmed */
  uint64_t interval;
} timers[TIMERS];

static uint64_t now(uint32_t clock) {
  LinuxTimespec t;
  host_clock_gettime(clock, &t);
  return (uint64_t)t.sec * NS + (uint64_t)t.nsec;
}

/* Linux reports microseconds rounded up, so a timer about to expire never reads as disarmed. */
static void put(GuestItimerval *out, uint64_t which) {
  uint64_t left = 0;
  if (timers[which].deadline) {
    uint64_t t = now(CLOCK_OF[which]);
    left = timers[which].deadline > t ? timers[which].deadline - t : 1000;
  }
  uint64_t left_us = (left + 999) / 1000, interval_us = (timers[which].interval + 999) / 1000;
  *out = (GuestItimerval){(int64_t)(interval_us / 1000000), (int64_t)(interval_us % 1000000),
                          (int64_t)(left_us / 1000000), (int64_t)(left_us % 1000000)};
}

int64_t timer_get(uint64_t which, uint64_t value) {
  if (which >= TIMERS) return -LINUX_EINVAL;
  if (!guest_accessible(value, sizeof(GuestItimerval), true)) return -LINUX_EFAULT;
  put(GUEST_PTR(value), which);
  return 0;
}

int64_t timer_set(uint64_t which, uint64_t new_value, uint64_t old_value) {
  if (which >= TIMERS) return -LINUX_EINVAL;
  GuestItimerval set = {0, 0, 0, 0};
  if (new_value) {
    if (!guest_accessible(new_value, sizeof set, false)) return -LINUX_EFAULT;
    memcpy(&set, GUEST_PTR(new_value), sizeof set);
    if (set.value_sec < 0 || set.value_usec < 0 || set.value_usec >= 1000000 || set.interval_sec < 0 ||
        set.interval_usec < 0 || set.interval_usec >= 1000000) {
      return -LINUX_EINVAL;
    }
  }
  if (old_value) {
    if (!guest_accessible(old_value, sizeof(GuestItimerval), true)) return -LINUX_EFAULT;
    put(GUEST_PTR(old_value), which);
  }
  uint64_t value = (uint64_t)set.value_sec * NS + (uint64_t)set.value_usec * 1000;
  timers[which].deadline = value ? now(CLOCK_OF[which]) + value : 0;
  timers[which].interval = (uint64_t)set.interval_sec * NS + (uint64_t)set.interval_usec * 1000;
  return 0;
}

void timers_expire(void) {
  for (uint64_t which = 0; which < TIMERS; which++) {
    if (!timers[which].deadline) continue;
    uint64_t t = now(CLOCK_OF[which]);
    if (t < timers[which].deadline) continue;
    signal_raise(SIGNAL_OF[which], SI_KERNEL);
    /* Expirations missed meanwhile coalesce into one signal, as pending signals do. */
    uint64_t interval = timers[which].interval;
    timers[which].deadline = interval ? t + interval - (t - timers[which].deadline) % interval : 0;
  }
}

uint64_t timers_real_left(void) {
  if (!timers[0].deadline) return UINT64_MAX;
  uint64_t t = now(CLOCK_OF[0]);
  return timers[0].deadline > t ? timers[0].deadline - t : 0;
}

bool timers_wait_real(void) {
  uint64_t left = timers_real_left();
  if (left == UINT64_MAX) return false;
  LinuxTimespec pause = {(int64_t)(left / NS), (int64_t)(left % NS)};
  if (left) host_sleep(1 /* CLOCK_MONOTONIC */, 0, &pause);
  timers_expire();
  return true;
}
