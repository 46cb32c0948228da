/* eventfd, timerfd, epoll and memfd on x86_64: the host's. Only struct epoll_event differs: x86_64 packs it. */
#include "common/files.h"
#include "common/linux.h"
#include "common/syscalls.h"
#include "hostcall.h"

typedef struct __attribute__((packed)) HostEpollEvent {
  uint32_t events;
  uint64_t data;
} HostEpollEvent;

typedef struct GuestEpollEvent {
  uint32_t events;
  uint64_t data;
} GuestEpollEvent;

#define MAX_EVENTS_AT_ONCE 256

int64_t host_event_call(uint64_t nr, const uint64_t a[6]) {
  switch (nr) {
  case SYS_eventfd2: return host_syscall(290, a[0], a[1], 0, 0, 0, 0);
  case SYS_timerfd_create: return host_syscall(283, a[0], a[1], 0, 0, 0, 0);
  case SYS_timerfd_settime: return host_syscall(286, a[0], a[1], a[2], a[3], 0, 0);
  case SYS_timerfd_gettime: return host_syscall(287, a[0], a[1], 0, 0, 0, 0);
  case SYS_memfd_create: return host_syscall(319, a[0], a[1], 0, 0, 0, 0);
  case SYS_epoll_create1: return host_syscall(291, a[0], 0, 0, 0, 0, 0);
  case SYS_epoll_ctl: {
    HostEpollEvent event = {0, 0};
    if (a[3]) {
      const GuestEpollEvent *guest = (const GuestEpollEvent *)(uintptr_t)a[3];
      event = (HostEpollEvent){guest->events, guest->data};
    }
    return host_syscall(233, a[0], a[1], a[2], a[3] ? (uint64_t)(uintptr_t)&event : 0, 0, 0);
  }
  case SYS_epoll_pwait: {
    HostEpollEvent events[MAX_EVENTS_AT_ONCE];
    int32_t most = (int32_t)a[2] < MAX_EVENTS_AT_ONCE ? (int32_t)a[2] : MAX_EVENTS_AT_ONCE;
    int64_t ready = host_syscall(281, a[0], (uint64_t)(uintptr_t)events, (uint64_t)most, a[3], 0, 0);
    GuestEpollEvent *out = (GuestEpollEvent *)(uintptr_t)a[1];
    for (int64_t i = 0; i < ready; i++) out[i] = (GuestEpollEvent){events[i].events, events[i].data};
    return ready;
  }
  default: return -LINUX_ENOSYS;
  }
}
