/* Sockets on WASI preview1: it cannot create one, so no guest descriptor is a socket. */
#include "common/files.h"
#include "common/linux.h"
#include "common/syscalls.h"

int64_t host_socket_call(uint64_t nr, const uint64_t a[6]) {
  if (nr == SYS_socket || nr == SYS_socketpair) return -LINUX_EAFNOSUPPORT;
  int64_t open = files_fcntl((int)(int32_t)a[0], 1 /* F_GETFD */, 0);
  return open < 0 ? open : -LINUX_ENOTSOCK;
}
