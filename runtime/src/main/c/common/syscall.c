/* Guest system calls by AArch64 number: X8 holds the number, X0..X5 the arguments, and X0 receives the result,
 * a negative errno on failure as the kernel returns it. Whatever is not emulated fails with ENOSYS. */
#include "linux.h"
#include "runtime.h"
#include "syscalls.h"

typedef struct GuestIovec {
  uint64_t base, length;
} GuestIovec;

/* Until files are emulated, the guest owns only the standard streams; any other host descriptor belongs to the
 * runtime (the trace file, WASI preopens). Linux reads the fd argument as an unsigned int. */
static bool is_guest_fd(uint64_t fd) {
  return (uint32_t)fd <= 2;
}

/* The checks read and write share, in the kernel's order; 0 when the transfer may go ahead. */
static int64_t check_transfer(uint64_t fd, uint64_t buf, uint64_t count) {
  if (!is_guest_fd(fd)) return -LINUX_EBADF;
  if (!guest_range_ok(buf, count)) return -LINUX_EFAULT;
  return 0;
}

static size_t clamp_count(uint64_t count) {
  return count < LINUX_MAX_RW_COUNT ? (size_t)count : LINUX_MAX_RW_COUNT;
}

static int64_t sys_read(uint64_t fd, uint64_t buf, uint64_t count) {
  int64_t error = check_transfer(fd, buf, count);
  return error ? error : host_read((int)fd, GUEST_PTR(buf), clamp_count(count));
}

static int64_t sys_write(uint64_t fd, uint64_t buf, uint64_t count) {
  int64_t error = check_transfer(fd, buf, count);
  return error ? error : host_write((int)fd, GUEST_PTR(buf), clamp_count(count));
}

/* Validates the whole vector first, as the kernel does, then writes it piece by piece: the result is the bytes
 * written before the first short write or error, or that error if nothing was written. */
static int64_t sys_writev(uint64_t fd, uint64_t iov, uint64_t count) {
  if (!is_guest_fd(fd)) return -LINUX_EBADF;
  if (count > LINUX_UIO_MAXIOV) return -LINUX_EINVAL;
  if (!guest_range_ok(iov, count * sizeof(GuestIovec))) return -LINUX_EFAULT;
  const GuestIovec *vec = GUEST_PTR(iov);
  for (uint64_t i = 0; i < count; i++) {
    if ((int64_t)vec[i].length < 0) return -LINUX_EINVAL;
    if (!guest_range_ok(vec[i].base, vec[i].length)) return -LINUX_EFAULT;
  }
  int64_t total = 0;
  for (uint64_t i = 0; i < count; i++) {
    size_t length = clamp_count(vec[i].length);
    int64_t written = host_write((int)fd, GUEST_PTR(vec[i].base), length);
    if (written < 0) return total ? total : written;
    total += written;
    if ((size_t)written < length) break;
  }
  return total;
}

static int64_t emulate(uint64_t nr, const uint64_t *a) {
  switch (nr) {
  case SYS_read: return sys_read(a[0], a[1], a[2]);
  case SYS_write: return sys_write(a[0], a[1], a[2]);
  case SYS_writev: return sys_writev(a[0], a[1], a[2]);
  case SYS_brk: return guest_brk(a[0]);
  default: return -LINUX_ENOSYS;
  }
}

void elfconv_syscall(void) {
  uint64_t nr = elfconv_state.x[8];
  const uint64_t *args = elfconv_state.x;
  if (nr == SYS_exit || nr == SYS_exit_group) {
    /* The guest is single-threaded, so exit ends the process just like exit_group. */
    trace_exit(nr, args);
    host_exit((int)(args[0] & 0xff));
  }
  int64_t result = emulate(nr, args);
  trace_syscall(nr, args, result);
  elfconv_state.x[0] = (uint64_t)result;
}
