/* Descriptors that deliver events: eventfd, timerfd, epoll, and memfd. The guest's pointers are checked here and
 * handed on as host pointers to the host layer (host_event_call: x86_64 has them all, converting struct
 * epoll_event, which x86_64 packs into 12 bytes; WASI preview1 has none). */
#include "files.h"
#include "linux.h"
#include "runtime.h"
#include "syscalls.h"

#define ITIMERSPEC_SIZE 32u
#define EPOLL_EVENT_SIZE 16u /* AArch64's struct epoll_event: events, padding, data */
#define MFD_NAME_MAX 249u

int64_t events_call(uint64_t nr, const uint64_t *a) {
  uint64_t h[6] = {a[0], a[1], a[2], a[3], a[4], a[5]};
  switch (nr) {
  case SYS_eventfd2: case SYS_epoll_create1: case SYS_timerfd_create:
    break;
  case SYS_memfd_create: {
    char name[MFD_NAME_MAX + 1];
    int64_t error = guest_string(a[0], name, sizeof name);
    if (error) return error == -LINUX_ENAMETOOLONG ? -LINUX_EINVAL : error;
    h[0] = (uint64_t)(uintptr_t)name;
    return host_event_call(nr, h);
  }
  case SYS_timerfd_settime:
    if (!guest_accessible(a[2], ITIMERSPEC_SIZE, false)) return -LINUX_EFAULT;
    if (a[3] && !guest_accessible(a[3], ITIMERSPEC_SIZE, true)) return -LINUX_EFAULT;
    h[2] = (uint64_t)(uintptr_t)GUEST_PTR(a[2]);
    h[3] = a[3] ? (uint64_t)(uintptr_t)GUEST_PTR(a[3]) : 0;
    break;
  case SYS_timerfd_gettime:
    if (!guest_accessible(a[1], ITIMERSPEC_SIZE, true)) return -LINUX_EFAULT;
    h[1] = (uint64_t)(uintptr_t)GUEST_PTR(a[1]);
    break;
  case SYS_epoll_ctl:
    if (a[1] != 2 /* EPOLL_CTL_DEL */) {
      if (!guest_accessible(a[3], EPOLL_EVENT_SIZE, false)) return -LINUX_EFAULT;
      h[3] = (uint64_t)(uintptr_t)GUEST_PTR(a[3]);
    }
    break;
  case SYS_epoll_pwait:
    if ((int32_t)a[2] <= 0) return -LINUX_EINVAL;
    if (!guest_accessible(a[1], (uint64_t)(int32_t)a[2] * EPOLL_EVENT_SIZE, true)) return -LINUX_EFAULT;
    h[1] = (uint64_t)(uintptr_t)GUEST_PTR(a[1]);
    h[4] = h[5] = 0; /* the signal mask, as ppoll's, is not applied */
    break;
  default:
    return -LINUX_ENOSYS;
  }
  return host_event_call(nr, h);
}
