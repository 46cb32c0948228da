/* Sockets on x86_64: the host's, through the same calls (guest descriptors are host descriptors). */
#include "common/files.h"
#include "common/linux.h"
#include "common/syscalls.h"
#include "hostcall.h"

int64_t host_socket_call(uint64_t nr, const uint64_t a[6]) {
  int64_t host;
  switch (nr) {
  case SYS_socket: host = 41; break;
  case SYS_connect: host = 42; break;
  case SYS_sendto: host = 44; break;
  case SYS_recvfrom: host = 45; break;
  case SYS_sendmsg: host = 46; break;
  case SYS_recvmsg: host = 47; break;
  case SYS_shutdown: host = 48; break;
  case SYS_bind: host = 49; break;
  case SYS_listen: host = 50; break;
  case SYS_getsockname: host = 51; break;
  case SYS_getpeername: host = 52; break;
  case SYS_socketpair: host = 53; break;
  case SYS_setsockopt: host = 54; break;
  case SYS_getsockopt: host = 55; break;
  case SYS_accept4: host = 288; break;
  default: return -LINUX_ENOSYS;
  }
  return host_syscall(host, a[0], a[1], a[2], a[3], a[4], a[5]);
}
