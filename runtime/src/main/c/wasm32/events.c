/* eventfd, timerfd, epoll and memfd: WASI preview1 has no such descriptors. */
#include "common/files.h"
#include "common/linux.h"

int64_t host_event_call(uint64_t nr, const uint64_t a[6]) {
  (void)nr, (void)a;
  return -LINUX_ENOSYS;
}
