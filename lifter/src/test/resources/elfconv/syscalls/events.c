/* An event loop's descriptors: eventfd, timerfd and memfd watched by epoll. */
#include "sys.h"

struct epoll_event {
  u32 events;
  u64 data;
};
struct itimerspec {
  i64 interval_sec, interval_nsec, value_sec, value_nsec;
};
enum { EPOLLIN = 1, EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EFD_NONBLOCK = 04000 };

int main(u64 *sp) {
  (void)sp;
  int event = (int)SYS(NR_eventfd2, 0, EFD_NONBLOCK);
  show("eventfd2", event >= 0 ? 0 : event);
  if (event < 0) return 0;
  int ep = (int)SYS(NR_epoll_create1, 0);
  show("epoll_create1", ep >= 0);
  struct epoll_event watch = {EPOLLIN, 0x1122334455667788ul};
  show("epoll_ctl ADD eventfd", SYS(NR_epoll_ctl, ep, EPOLL_CTL_ADD, event, &watch));
  struct epoll_event got[4];
  show("nothing ready", SYS(NR_epoll_pwait, ep, got, 4, 0, 0, 8));
  u64 add = 3;
  show("eventfd write", SYS(NR_write, event, &add, 8));
  fill(got, 0, sizeof got);
  show("one ready", SYS(NR_epoll_pwait, ep, got, 4, 100, 0, 8));
  show("  its data", got[0].data == 0x1122334455667788ul && got[0].events == EPOLLIN);
  u64 count = 0;
  show("eventfd read", SYS(NR_read, event, &count, 8));
  show("  count", (i64)count);
  show("eventfd read again", SYS(NR_read, event, &count, 8));

  int timer = (int)SYS(NR_timerfd_create, 1 /* CLOCK_MONOTONIC */, 0);
  show("timerfd_create", timer >= 0);
  struct itimerspec in5ms = {0, 0, 0, 5000000}, now;
  show("timerfd_settime 5 ms", SYS(NR_timerfd_settime, timer, 0, &in5ms, 0));
  show("timerfd_gettime", SYS(NR_timerfd_gettime, timer, &now));
  show("  armed", now.value_sec == 0 && now.value_nsec > 0 && now.value_nsec <= 5000000);
  struct epoll_event timer_watch = {EPOLLIN, 7};
  SYS(NR_epoll_ctl, ep, EPOLL_CTL_ADD, timer, &timer_watch);
  fill(got, 0, sizeof got);
  show("the timer fires", SYS(NR_epoll_pwait, ep, got, 4, 1000, 0, 8));
  show("  its data", (i64)got[0].data);
  u64 expirations = 0;
  show("timerfd read", SYS(NR_read, timer, &expirations, 8));
  show("  expirations", (i64)expirations);
  show("epoll_ctl DEL", SYS(NR_epoll_ctl, ep, EPOLL_CTL_DEL, timer, 0));
  show("epoll_pwait no room", SYS(NR_epoll_pwait, ep, got, 0, 0, 0, 8));
  show("epoll_ctl bad event pointer", SYS(NR_epoll_ctl, ep, EPOLL_CTL_ADD, timer, 16));

  int memfd = (int)SYS(NR_memfd_create, "scratch", 1 /* MFD_CLOEXEC */);
  show("memfd_create", memfd >= 0);
  show("memfd write", SYS(NR_write, memfd, "in memory", 9));
  char back[16];
  show("memfd pread", SYS(NR_pread64, memfd, back, sizeof back, 3));
  show("  memory", same(back, "memory", 6));
  return 0;
}
