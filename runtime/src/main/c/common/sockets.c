/* Socket system calls: the guest's pointers are checked as QEMU checks them and handed on as host pointers; the
 * structures (sockaddr, msghdr, iovec, cmsghdr) and the flag values are the same on both 64-bit ABIs. The host
 * layer runs the call (host_socket_call: x86_64 passes it to Linux; WASI preview1 has no sockets to create). */
#include "files.h"
#include "linux.h"
#include "runtime.h"
#include "syscalls.h"

/* struct msghdr as both 64-bit ABIs lay it out. */
typedef struct LinuxMsghdr {
  uint64_t name;
  uint32_t namelen, pad1;
  uint64_t iov, iovlen, control, controllen;
  uint32_t flags, pad2;
} LinuxMsghdr;

typedef struct HostIovec {
  void *base;
  uint64_t length;
} HostIovec;

typedef struct HostMsghdr {
  void *name;
  uint32_t namelen, pad1;
  HostIovec *iov;
  uint64_t iovlen;
  void *control;
  uint64_t controllen;
  uint32_t flags, pad2;
} HostMsghdr;

static void *host_pointer(uint64_t guest) {
  return guest ? GUEST_PTR(guest) : 0;
}

/* An address buffer the kernel fills: *len is read, then len bytes written (a NULL buffer is allowed). */
static bool address_out(uint64_t addr, uint64_t len) {
  if (!addr) return true;
  if (!guest_accessible(len, 4, true)) return false;
  int32_t size = *(int32_t *)GUEST_PTR(len);
  return size < 0 || guest_accessible(addr, (uint32_t)size, true);
}

static int64_t message(uint64_t nr, uint64_t fd, uint64_t msg, uint64_t flags) {
  bool receive = nr == SYS_recvmsg;
  if (!guest_accessible(msg, sizeof(LinuxMsghdr), receive)) return -LINUX_EFAULT;
  LinuxMsghdr *m = GUEST_PTR(msg);
  if (m->iovlen > LINUX_UIO_MAXIOV) return -LINUX_EMSGSIZE;
  if (!guest_accessible(m->iov, m->iovlen * 16, false)) return -LINUX_EFAULT;
  if (m->name && !guest_accessible(m->name, m->namelen, receive)) return -LINUX_EFAULT;
  if (m->control && !guest_accessible(m->control, m->controllen, receive)) return -LINUX_EFAULT;
  HostIovec iov[LINUX_UIO_MAXIOV];
  const uint64_t *guest_iov = GUEST_PTR(m->iov);
  for (uint64_t i = 0; i < m->iovlen; i++) {
    uint64_t base = guest_iov[2 * i], length = guest_iov[2 * i + 1];
    if ((int64_t)length < 0) return -LINUX_EINVAL;
    if (!guest_accessible(base, length, receive)) return -LINUX_EFAULT;
    iov[i] = (HostIovec){host_pointer(base), length};
  }
  HostMsghdr host = {host_pointer(m->name), m->namelen, 0, iov, m->iovlen, host_pointer(m->control), m->controllen,
                     m->flags, 0};
  uint64_t args[6] = {fd, (uint64_t)(uintptr_t)&host, flags, 0, 0, 0};
  int64_t result = host_socket_call(nr, args);
  if (receive && result >= 0) {
    m->namelen = host.namelen;
    m->controllen = host.controllen;
    m->flags = host.flags;
  }
  return result;
}

int64_t sockets_call(uint64_t nr, const uint64_t *a) {
  uint64_t h[6] = {a[0], a[1], a[2], a[3], a[4], a[5]};
  switch (nr) {
  case SYS_socket: case SYS_listen: case SYS_shutdown:
    break;
  case SYS_socketpair:
    if (!guest_accessible(a[3], 8, true)) return -LINUX_EFAULT;
    h[3] = (uint64_t)(uintptr_t)GUEST_PTR(a[3]);
    break;
  case SYS_bind: case SYS_connect:
    if ((int32_t)a[2] < 0) return -LINUX_EINVAL;
    if (!guest_accessible(a[1], (uint32_t)a[2], false)) return -LINUX_EFAULT;
    h[1] = (uint64_t)(uintptr_t)host_pointer(a[1]);
    break;
  case SYS_accept: case SYS_accept4: case SYS_getsockname: case SYS_getpeername:
    if (!address_out(a[1], a[2])) return -LINUX_EFAULT;
    h[1] = (uint64_t)(uintptr_t)host_pointer(a[1]);
    h[2] = (uint64_t)(uintptr_t)host_pointer(a[2]);
    if (nr == SYS_accept) nr = SYS_accept4, h[3] = 0;
    break;
  case SYS_sendto: case SYS_recvfrom: {
    bool receive = nr == SYS_recvfrom;
    if (!guest_accessible(a[1], a[2], receive)) return -LINUX_EFAULT;
    h[1] = (uint64_t)(uintptr_t)host_pointer(a[1]);
    if (receive ? !address_out(a[4], a[5]) : a[4] && !guest_accessible(a[4], (uint32_t)a[5], false)) {
      return -LINUX_EFAULT;
    }
    h[4] = (uint64_t)(uintptr_t)host_pointer(a[4]);
    if (receive) h[5] = (uint64_t)(uintptr_t)host_pointer(a[5]);
    break;
  }
  case SYS_setsockopt:
    if (!guest_accessible(a[3], (uint32_t)a[4], false)) return -LINUX_EFAULT;
    h[3] = (uint64_t)(uintptr_t)host_pointer(a[3]);
    break;
  case SYS_getsockopt:
    if (!address_out(a[3], a[4])) return -LINUX_EFAULT;
    h[3] = (uint64_t)(uintptr_t)host_pointer(a[3]);
    h[4] = (uint64_t)(uintptr_t)host_pointer(a[4]);
    break;
  case SYS_sendmsg: case SYS_recvmsg:
    return message(nr, a[0], a[1], a[2]);
  default:
    return -LINUX_ENOSYS;
  }
  return host_socket_call(nr, h);
}
