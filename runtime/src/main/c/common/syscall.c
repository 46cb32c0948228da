/* Guest system calls by AArch64 number: X8 holds the number, X0..X5 the arguments, and X0 receives the result,
 * a negative errno on failure as the kernel returns it. Whatever is not emulated fails with ENOSYS, as do the
 * calls that would need a second thread or process (clone, clone3, execve). Guest pointers are checked as QEMU
 * checks them, before the call: a buffer on a page the guest may not access gives EFAULT. */
#include "files.h"
#include "linux.h"
#include "runtime.h"
#include "syscalls.h"

#define LINUX_PATH_MAX 4096u

typedef struct GuestIovec {
  uint64_t base, length;
} GuestIovec;

static bool readable(uint64_t addr, uint64_t length) {
  return guest_accessible(addr, length, false);
}

static bool writable(uint64_t addr, uint64_t length) {
  return guest_accessible(addr, length, true);
}

int64_t guest_string(uint64_t addr, char *out, uint32_t capacity) {
  for (uint32_t i = 0; i < capacity; i++) {
    if ((i == 0 || ((addr + i) & (GUEST_PAGE_SIZE - 1)) == 0) && !readable(addr + i, 1)) return -LINUX_EFAULT;
    out[i] = *(const char *)GUEST_PTR(addr + i);
    if (!out[i]) return 0;
  }
  return -LINUX_ENAMETOOLONG;
}

static int64_t copy_path(uint64_t addr, char path[LINUX_PATH_MAX]) {
  return guest_string(addr, path, LINUX_PATH_MAX);
}

static size_t clamp_count(uint64_t count) {
  return count < LINUX_MAX_RW_COUNT ? (size_t)count : LINUX_MAX_RW_COUNT;
}

static int guest_fd(uint64_t fd) {
  return (int)(int32_t)fd; /* the kernel reads descriptors as int */
}

static int64_t sys_read(uint64_t fd, uint64_t buf, uint64_t count) {
  if (!writable(buf, count)) return -LINUX_EFAULT;
  return files_read(guest_fd(fd), GUEST_PTR(buf), clamp_count(count));
}

static int64_t sys_write(uint64_t fd, uint64_t buf, uint64_t count) {
  if (!readable(buf, count)) return -LINUX_EFAULT;
  return files_write(guest_fd(fd), GUEST_PTR(buf), clamp_count(count));
}

static int64_t sys_pread(uint64_t fd, uint64_t buf, uint64_t count, uint64_t offset) {
  if (!writable(buf, count)) return -LINUX_EFAULT;
  if ((int64_t)offset < 0) return -LINUX_EINVAL;
  return files_pread(guest_fd(fd), GUEST_PTR(buf), clamp_count(count), offset);
}

static int64_t sys_pwrite(uint64_t fd, uint64_t buf, uint64_t count, uint64_t offset) {
  if (!readable(buf, count)) return -LINUX_EFAULT;
  if ((int64_t)offset < 0) return -LINUX_EINVAL;
  return files_pwrite(guest_fd(fd), GUEST_PTR(buf), clamp_count(count), offset);
}

/* Validates the whole vector first, as the kernel does, then transfers it piece by piece: the result is the bytes
 * moved before the first short transfer or error, or that error if nothing moved. */
static int64_t sys_readv_writev(uint64_t fd, uint64_t iov, uint64_t count, bool write) {
  if (count > LINUX_UIO_MAXIOV) return -LINUX_EINVAL;
  if (!readable(iov, count * sizeof(GuestIovec))) return -LINUX_EFAULT;
  const GuestIovec *vec = GUEST_PTR(iov);
  for (uint64_t i = 0; i < count; i++) {
    if ((int64_t)vec[i].length < 0) return -LINUX_EINVAL;
    if (!guest_accessible(vec[i].base, vec[i].length, !write)) return -LINUX_EFAULT;
  }
  int64_t total = 0;
  for (uint64_t i = 0; i < count; i++) {
    size_t length = clamp_count(vec[i].length);
    int64_t done = write ? files_write(guest_fd(fd), GUEST_PTR(vec[i].base), length)
                         : files_read(guest_fd(fd), GUEST_PTR(vec[i].base), length);
    if (done < 0) return total ? total : done;
    total += done;
    if ((size_t)done < length) break;
  }
  return total;
}

static int64_t sys_openat(uint64_t dirfd, uint64_t path_addr, uint64_t flags, uint64_t mode) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  return error ? error : files_openat(guest_fd(dirfd), path, (uint32_t)flags, (uint32_t)mode);
}

static int64_t put_stat(int64_t result, const LinuxStat *stat, uint64_t out) {
  if (result == 0) memcpy(GUEST_PTR(out), stat, sizeof *stat);
  return result;
}

static int64_t sys_fstat(uint64_t fd, uint64_t out) {
  if (!writable(out, sizeof(LinuxStat))) return -LINUX_EFAULT;
  LinuxStat stat;
  return put_stat(files_fstatat(guest_fd(fd), "", LINUX_AT_EMPTY_PATH, &stat), &stat, out);
}

static int64_t sys_newfstatat(uint64_t dirfd, uint64_t path_addr, uint64_t out, uint64_t flags) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  if (error) return error;
  if (!writable(out, sizeof(LinuxStat))) return -LINUX_EFAULT;
  LinuxStat stat;
  return put_stat(files_fstatat(guest_fd(dirfd), path, (uint32_t)flags, &stat), &stat, out);
}

static int64_t sys_statx(uint64_t dirfd, uint64_t path_addr, uint64_t flags, uint64_t mask, uint64_t out) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  if (error) return error;
  if (!writable(out, LINUX_STATX_SIZE)) return -LINUX_EFAULT;
  return files_statx(guest_fd(dirfd), path, (uint32_t)flags, (uint32_t)mask, GUEST_PTR(out));
}

static int64_t sys_getdents64(uint64_t fd, uint64_t buf, uint64_t count) {
  if (!writable(buf, count)) return -LINUX_EFAULT;
  return files_getdents64(guest_fd(fd), GUEST_PTR(buf), clamp_count(count));
}

/* /proc/self/exe names the translated program, as it names the ELF under QEMU. */
static int64_t sys_readlinkat(uint64_t dirfd, uint64_t path_addr, uint64_t buf, uint64_t size) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  if (error) return error;
  if ((int64_t)size <= 0) return -LINUX_EINVAL;
  if (!writable(buf, size)) return -LINUX_EFAULT;
  if (memcmp(path, "/proc/self/exe", sizeof "/proc/self/exe") == 0) return files_self_exe(GUEST_PTR(buf), size);
  return files_readlinkat(guest_fd(dirfd), path, GUEST_PTR(buf), size);
}

static int64_t sys_faccessat(uint64_t dirfd, uint64_t path_addr, uint64_t mode, uint64_t flags) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  if (error) return error;
  if (mode & ~7u) return -LINUX_EINVAL;
  return files_faccessat(guest_fd(dirfd), path, (uint32_t)mode, (uint32_t)flags);
}

static int64_t sys_mkdirat(uint64_t dirfd, uint64_t path_addr, uint64_t mode) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  return error ? error : files_mkdirat(guest_fd(dirfd), path, (uint32_t)mode);
}

static int64_t sys_unlinkat(uint64_t dirfd, uint64_t path_addr, uint64_t flags) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  if (error) return error;
  if (flags & ~(uint64_t)LINUX_AT_REMOVEDIR) return -LINUX_EINVAL;
  return files_unlinkat(guest_fd(dirfd), path, (uint32_t)flags);
}

static int64_t sys_renameat2(uint64_t olddir, uint64_t old_addr, uint64_t newdir, uint64_t new_addr, uint64_t flags) {
  char oldpath[LINUX_PATH_MAX], newpath[LINUX_PATH_MAX];
  int64_t error = copy_path(old_addr, oldpath);
  if (!error) error = copy_path(new_addr, newpath);
  if (error) return error;
  return files_renameat2(guest_fd(olddir), oldpath, guest_fd(newdir), newpath, (uint32_t)flags);
}

/* The ioctls of terminals and streams: the argument's size and whether the kernel reads or writes it. */
static const struct {
  uint32_t request, size;
  bool writes;
} IOCTLS[] = {
    {LINUX_TCGETS, LINUX_TERMIOS_SIZE, true}, {0x5402 /* TCSETS */, LINUX_TERMIOS_SIZE, false},
    {0x5403 /* TCSETSW */, LINUX_TERMIOS_SIZE, false}, {0x5404 /* TCSETSF */, LINUX_TERMIOS_SIZE, false},
    {0x540f /* TIOCGPGRP */, 4, true}, {0x5410 /* TIOCSPGRP */, 4, false},
    {LINUX_TIOCGWINSZ, LINUX_WINSIZE_SIZE, true}, {0x5414 /* TIOCSWINSZ */, LINUX_WINSIZE_SIZE, false},
    {0x541b /* FIONREAD */, 4, true},
};

static int64_t sys_ioctl(uint64_t fd, uint64_t request, uint64_t arg) {
  uint32_t cmd = (uint32_t)request;
  /* The descriptor-flag requests every file answers. */
  switch (cmd) {
  case 0x5451: /* FIOCLEX */ case 0x5450: /* FIONCLEX */
    return files_fcntl(guest_fd(fd), 2 /* F_SETFD */, cmd == 0x5451);
  case 0x5421: { /* FIONBIO */
    if (!readable(arg, 4)) return -LINUX_EFAULT;
    int64_t flags = files_fcntl(guest_fd(fd), 3 /* F_GETFL */, 0);
    if (flags < 0) return flags;
    bool on = *(const int32_t *)GUEST_PTR(arg) != 0;
    return files_fcntl(guest_fd(fd), 4 /* F_SETFL */, on ? (uint64_t)flags | LINUX_O_NONBLOCK
                                                          : (uint64_t)flags & ~(uint64_t)LINUX_O_NONBLOCK);
  }
  }
  for (size_t i = 0; i < sizeof IOCTLS / sizeof IOCTLS[0]; i++) {
    if (IOCTLS[i].request != cmd) continue;
    /* As QEMU: an argument read is copied in first (EFAULT before anything), one written is copied out after
       the call (its error first, as ENOTTY of a pipe). */
    uint8_t buf[LINUX_TERMIOS_SIZE];
    if (!IOCTLS[i].writes) {
      if (!readable(arg, IOCTLS[i].size)) return -LINUX_EFAULT;
      memcpy(buf, GUEST_PTR(arg), IOCTLS[i].size);
    }
    int64_t result = files_tty_ioctl(guest_fd(fd), cmd, buf);
    if (result >= 0 && IOCTLS[i].writes) {
      if (!writable(arg, IOCTLS[i].size)) return -LINUX_EFAULT;
      memcpy(GUEST_PTR(arg), buf, IOCTLS[i].size);
    }
    return result;
  }
  /* Anything else is a device's own: EBADF for a closed descriptor, else ENOTTY, as for a file. */
  int64_t flags = files_fcntl(guest_fd(fd), 3 /* F_GETFL */, 0);
  return flags < 0 ? flags : -LINUX_ENOTTY;
}

static int64_t sys_pipe2(uint64_t fds_addr, uint64_t flags) {
  if (!writable(fds_addr, 2 * sizeof(int32_t))) return -LINUX_EFAULT;
  int32_t fds[2];
  int64_t result = files_pipe2(fds, (uint32_t)flags);
  if (result == 0) memcpy(GUEST_PTR(fds_addr), fds, sizeof fds);
  return result;
}

static int64_t sys_getcwd(uint64_t buf, uint64_t size) {
  if (!writable(buf, size)) return -LINUX_EFAULT;
  return files_getcwd(GUEST_PTR(buf), (size_t)size);
}

static int64_t sys_chdir(uint64_t path_addr) {
  char path[LINUX_PATH_MAX];
  int64_t error = copy_path(path_addr, path);
  return error ? error : files_chdir(path);
}

/* The thread's name (Linux's comm): the program file's name, at most 15 bytes, until PR_SET_NAME changes it. */
static char thread_name[16];

static int64_t sys_prctl(uint64_t option, uint64_t arg) {
  if (!thread_name[0]) {
    const char *base = elfconv_program_name;
    for (const char *p = elfconv_program_name; *p; p++) {
      if (*p == '/') base = p + 1;
    }
    size_t length = strlen(base);
    memcpy(thread_name, base, length < 15 ? length : 15);
  }
  switch (option) {
  case 15: /* PR_SET_NAME */
    if (!readable(arg, 1)) return -LINUX_EFAULT;
    memset(thread_name, 0, sizeof thread_name);
    for (size_t i = 0; i < 15 && readable(arg + i, 1) && ((const char *)GUEST_PTR(arg))[i]; i++) {
      thread_name[i] = ((const char *)GUEST_PTR(arg))[i];
    }
    return 0;
  case 16: /* PR_GET_NAME */
    if (!writable(arg, sizeof thread_name)) return -LINUX_EFAULT;
    memcpy(GUEST_PTR(arg), thread_name, sizeof thread_name);
    return 0;
  default: return -LINUX_EINVAL;
  }
}

static int64_t sys_sysinfo(uint64_t out) {
  uint8_t info[LINUX_SYSINFO_SIZE];
  if (!writable(out, sizeof info)) return -LINUX_EFAULT;
  memset(info, 0, sizeof info);
  host_sysinfo(info);
  memcpy(GUEST_PTR(out), info, sizeof info);
  return 0;
}

static int64_t sys_uname(uint64_t out) {
  char uts[6][LINUX_UTSNAME_FIELD];
  if (!writable(out, sizeof uts)) return -LINUX_EFAULT;
  memset(uts, 0, sizeof uts);
  host_uname(uts);
  memcpy(GUEST_PTR(out), uts, sizeof uts);
  return 0;
}

/* ---- time ---- */

static int64_t sys_clock_gettime(uint64_t clock, uint64_t out, bool resolution) {
  if (out && !writable(out, sizeof(LinuxTimespec))) return -LINUX_EFAULT;
  LinuxTimespec time;
  int64_t result = resolution ? host_clock_getres((uint32_t)clock, &time) : host_clock_gettime((uint32_t)clock, &time);
  if (result == 0 && out) memcpy(GUEST_PTR(out), &time, sizeof time);
  return result;
}

static int64_t sys_gettimeofday(uint64_t tv, uint64_t tz) {
  if ((tv && !writable(tv, 16)) || (tz && !writable(tz, 8))) return -LINUX_EFAULT;
  LinuxTimespec now;
  host_clock_gettime(0 /* CLOCK_REALTIME */, &now);
  if (tv) {
    int64_t value[2] = {now.sec, now.nsec / 1000};
    memcpy(GUEST_PTR(tv), value, sizeof value);
  }
  if (tz) memset(GUEST_PTR(tz), 0, 8);
  return 0;
}

static int64_t sys_clock_nanosleep(uint64_t clock, uint64_t flags, uint64_t request, uint64_t remaining) {
  if (!readable(request, sizeof(LinuxTimespec))) return -LINUX_EFAULT;
  LinuxTimespec time;
  memcpy(&time, GUEST_PTR(request), sizeof time);
  if (time.sec < 0 || (uint64_t)time.nsec >= 1000000000u) return -LINUX_EINVAL;
  uint64_t alarm = timers_real_left();
  if (alarm != UINT64_MAX) {
    uint64_t want = (uint64_t)time.sec * 1000000000u + (uint64_t)time.nsec;
    if (flags & 1 /* TIMER_ABSTIME */) {
      LinuxTimespec now;
      if (host_clock_gettime((uint32_t)clock, &now) < 0) return -LINUX_EINVAL;
      uint64_t t = (uint64_t)now.sec * 1000000000u + (uint64_t)now.nsec;
      want = want > t ? want - t : 0;
    }
    if (alarm < want) {
      /* SIGALRM comes first and interrupts the sleep. */
      LinuxTimespec part = {(int64_t)(alarm / 1000000000u), (int64_t)(alarm % 1000000000u)};
      if (alarm) host_sleep(1 /* CLOCK_MONOTONIC */, 0, &part);
      if (remaining && !(flags & 1) && writable(remaining, sizeof time)) {
        uint64_t rest = want - alarm;
        LinuxTimespec left = {(int64_t)(rest / 1000000000u), (int64_t)(rest % 1000000000u)};
        memcpy(GUEST_PTR(remaining), &left, sizeof left);
      }
      return -LINUX_EINTR;
    }
  }
  int64_t result = host_sleep((uint32_t)clock, (uint32_t)flags, &time);
  if (result == 0 && remaining && !(flags & 1 /* TIMER_ABSTIME */) && writable(remaining, sizeof time)) {
    memset(GUEST_PTR(remaining), 0, sizeof time);
  }
  return result;
}

/* files_poll, ended with EINTR at ITIMER_REAL's deadline when that comes first, as SIGALRM ends it on Linux. */
static int64_t poll_or_alarm(LinuxPollfd *polls, uint32_t count, LinuxTimespec *left) {
  uint64_t alarm = timers_real_left();
  uint64_t want = left ? (uint64_t)left->sec * 1000000000u + (uint64_t)left->nsec : UINT64_MAX;
  if (alarm >= want) return files_poll(polls, count, left);
  LinuxTimespec part = {(int64_t)(alarm / 1000000000u), (int64_t)(alarm % 1000000000u)};
  int64_t ready = files_poll(polls, count, &part);
  if (ready < 0) return ready;
  uint64_t spent = alarm - ((uint64_t)part.sec * 1000000000u + (uint64_t)part.nsec);
  if (left) *left = (LinuxTimespec){(int64_t)((want - spent) / 1000000000u), (int64_t)((want - spent) % 1000000000u)};
  return ready ? ready : -LINUX_EINTR;
}

static int64_t sys_ppoll(uint64_t fds, uint64_t count, uint64_t timeout) {
  uint64_t descriptors[2];
  if (host_prlimit(7 /* RLIMIT_NOFILE */, descriptors) == 0 && count > descriptors[0]) return -LINUX_EINVAL;
  if (!writable(fds, count * sizeof(LinuxPollfd))) return -LINUX_EFAULT;
  LinuxTimespec left;
  if (timeout) {
    if (!writable(timeout, sizeof left)) return -LINUX_EFAULT;
    memcpy(&left, GUEST_PTR(timeout), sizeof left);
    if (left.sec < 0 || (uint64_t)left.nsec >= 1000000000u) return -LINUX_EINVAL;
  }
  int64_t ready = poll_or_alarm(GUEST_PTR(fds), (uint32_t)count, timeout ? &left : NULL);
  if (timeout && (ready >= 0 || ready == -LINUX_EINTR)) memcpy(GUEST_PTR(timeout), &left, sizeof left);
  return ready;
}

/* pselect6 through poll: the descriptor sets become pollfds, and the answers sets again (the signal mask, as
 * ppoll's, is not applied: the guest's signals are its own, delivered at the end of the call). */
static int64_t sys_pselect6(uint64_t nfds, uint64_t read_addr, uint64_t write_addr, uint64_t except_addr,
                            uint64_t timeout) {
  if ((int32_t)nfds < 0) return -LINUX_EINVAL;
  uint32_t n = (uint32_t)nfds > 1024 ? 1024 : (uint32_t)nfds;
  uint64_t bytes = (n + 63) / 64 * 8;
  uint64_t sets[3][16] = {{0}}, addrs[3] = {read_addr, write_addr, except_addr};
  for (int k = 0; k < 3; k++) {
    if (!addrs[k]) continue;
    if (!writable(addrs[k], bytes)) return -LINUX_EFAULT;
    memcpy(sets[k], GUEST_PTR(addrs[k]), bytes);
  }
  LinuxTimespec left;
  if (timeout) {
    if (!writable(timeout, sizeof left)) return -LINUX_EFAULT;
    memcpy(&left, GUEST_PTR(timeout), sizeof left);
    if (left.sec < 0 || (uint64_t)left.nsec >= 1000000000u) return -LINUX_EINVAL;
  }
  LinuxPollfd polls[1024];
  uint32_t count = 0;
  for (uint32_t fd = 0; fd < n; fd++) {
    uint64_t bit = 1ull << (fd % 64);
    bool r = sets[0][fd / 64] & bit, w = sets[1][fd / 64] & bit, e = sets[2][fd / 64] & bit;
    if (!r && !w && !e) continue;
    if (files_fcntl((int)fd, 1 /* F_GETFD */, 0) < 0) return -LINUX_EBADF;
    polls[count++] = (LinuxPollfd){(int32_t)fd, (int16_t)((r ? LINUX_POLLIN : 0) | (w ? LINUX_POLLOUT : 0)
                                                         | (e ? 0x2 /* POLLPRI */ : 0)), 0};
  }
  int64_t ready = poll_or_alarm(polls, count, timeout ? &left : NULL);
  if (ready == -LINUX_EINTR && timeout) memcpy(GUEST_PTR(timeout), &left, sizeof left);
  if (ready < 0) return ready;
  uint64_t answer[3][16] = {{0}};
  int64_t found = 0;
  for (uint32_t i = 0; i < count; i++) {
    uint32_t fd = (uint32_t)polls[i].fd;
    uint64_t bit = 1ull << (fd % 64);
    int16_t events = polls[i].revents;
    bool hits[3] = {(sets[0][fd / 64] & bit) && (events & (LINUX_POLLIN | LINUX_POLLHUP | LINUX_POLLERR)),
                    (sets[1][fd / 64] & bit) && (events & (LINUX_POLLOUT | LINUX_POLLERR)),
                    (sets[2][fd / 64] & bit) && (events & 0x2)};
    for (int k = 0; k < 3; k++) {
      if (hits[k]) answer[k][fd / 64] |= bit, found++;
    }
  }
  for (int k = 0; k < 3; k++) {
    if (addrs[k]) memcpy(GUEST_PTR(addrs[k]), answer[k], bytes);
  }
  if (timeout) memcpy(GUEST_PTR(timeout), &left, sizeof left);
  return found;
}

/* ---- process ---- */

static int64_t sys_getrandom(uint64_t buf, uint64_t length, uint64_t flags) {
  if (flags & ~7u) return -LINUX_EINVAL;
  if (!writable(buf, length)) return -LINUX_EFAULT;
  size_t count = length < 0x1ffffffu ? (size_t)length : 0x1ffffffu; /* the kernel's per-call cap */
  host_random(GUEST_PTR(buf), count);
  return (int64_t)count;
}

static int64_t sys_prlimit64(uint64_t pid, uint64_t resource, uint64_t new_limit, uint64_t old_limit) {
  if (pid != 0 && (int64_t)pid != host_getpid()) return -LINUX_ESRCH;
  if (resource >= 16) return -LINUX_EINVAL;
  if (new_limit && !readable(new_limit, 16)) return -LINUX_EFAULT;
  if (old_limit && !writable(old_limit, 16)) return -LINUX_EFAULT;
  uint64_t limits[2];
  int64_t result = host_prlimit((uint32_t)resource, limits);
  if (result == 0 && old_limit) memcpy(GUEST_PTR(old_limit), limits, sizeof limits);
  /* A new limit is accepted and not enforced, as QEMU does for the memory limits. */
  return result;
}

static int64_t sys_sched_getaffinity(uint64_t pid, uint64_t size, uint64_t mask) {
  if (pid != 0 && (int64_t)pid != host_getpid()) return -LINUX_ESRCH;
  if (size < 8 || (size & 7)) return -LINUX_EINVAL;
  if (!writable(mask, size)) return -LINUX_EFAULT;
  memset(GUEST_PTR(mask), 0, size);
  return host_affinity(GUEST_PTR(mask), size);
}

/* One thread: a wait whose value still matches could only end by its timeout; a wake finds nobody. */
static int64_t sys_futex(uint64_t addr, uint64_t op, uint64_t value, uint64_t timeout) {
  uint32_t command = (uint32_t)op & 0x7f;
  if (command == 1 /* WAKE */ || command == 10 /* WAKE_BITSET */) return 0;
  if (command != 0 /* WAIT */ && command != 9 /* WAIT_BITSET */) return -LINUX_ENOSYS;
  if ((addr & 3) || !readable(addr, 4)) return -LINUX_EFAULT;
  if (*(const uint32_t *)GUEST_PTR(addr) != (uint32_t)value) return -LINUX_EAGAIN;
  if (!timeout) fatal("futex wait on 0x%x would block forever: the guest has a single thread", addr);
  int64_t slept = sys_clock_nanosleep(command == 9 && (op & 256) ? 0 : 1, command == 9 ? 1 : 0, timeout, 0);
  return slept ? slept : -LINUX_ETIMEDOUT;
}

static int64_t sys_linkat(uint64_t olddirfd, uint64_t old_addr, uint64_t newdirfd, uint64_t new_addr,
                          uint64_t flags) {
  char oldpath[LINUX_PATH_MAX], newpath[LINUX_PATH_MAX];
  int64_t error = copy_path(old_addr, oldpath);
  if (!error) error = copy_path(new_addr, newpath);
  if (error) return error;
  if (flags & ~(uint64_t)(0x400 /* AT_SYMLINK_FOLLOW */ | LINUX_AT_EMPTY_PATH)) return -LINUX_EINVAL;
  return files_linkat(guest_fd(olddirfd), oldpath, guest_fd(newdirfd), newpath, (uint32_t)flags);
}

static int64_t sys_symlinkat(uint64_t target_addr, uint64_t newdirfd, uint64_t link_addr) {
  char target[LINUX_PATH_MAX], link[LINUX_PATH_MAX];
  int64_t error = copy_path(target_addr, target);
  if (!error) error = copy_path(link_addr, link);
  return error ? error : files_symlinkat(target, guest_fd(newdirfd), link);
}

/* path_addr 0: the call on the descriptor itself (fchmod, fchown). */
static int64_t sys_fchmodat(uint64_t dirfd, uint64_t path_addr, uint64_t mode) {
  char path[LINUX_PATH_MAX];
  int64_t error = path_addr ? copy_path(path_addr, path) : 0;
  return error ? error : files_fchmodat(guest_fd(dirfd), path_addr ? path : 0, (uint32_t)mode & 07777);
}

static int64_t sys_fchownat(uint64_t dirfd, uint64_t path_addr, uint64_t uid, uint64_t gid, uint64_t flags) {
  char path[LINUX_PATH_MAX];
  int64_t error = path_addr ? copy_path(path_addr, path) : 0;
  if (error) return error;
  if (flags & ~(uint64_t)(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH)) return -LINUX_EINVAL;
  return files_fchownat(guest_fd(dirfd), path_addr ? path : 0, (uint32_t)uid, (uint32_t)gid, (uint32_t)flags);
}

static int64_t sys_utimensat(uint64_t dirfd, uint64_t path_addr, uint64_t times_addr, uint64_t flags) {
  char path[LINUX_PATH_MAX];
  int64_t error = path_addr ? copy_path(path_addr, path) : 0;
  if (error) return error;
  if (flags & ~(uint64_t)(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH)) return -LINUX_EINVAL;
  LinuxTimespec times[2];
  if (times_addr) {
    if (!readable(times_addr, sizeof times)) return -LINUX_EFAULT;
    memcpy(times, GUEST_PTR(times_addr), sizeof times);
    for (int i = 0; i < 2; i++) {
      if (times[i].nsec != LINUX_UTIME_NOW && times[i].nsec != LINUX_UTIME_OMIT
          && (times[i].nsec < 0 || times[i].nsec >= 1000000000)) {
        return -LINUX_EINVAL;
      }
    }
  }
  return files_utimensat(guest_fd(dirfd), path_addr ? path : 0, times_addr ? times : 0, (uint32_t)flags);
}

static int64_t sys_statfs(uint64_t fd, uint64_t path_addr, uint64_t out) {
  char path[LINUX_PATH_MAX];
  int64_t error = path_addr ? copy_path(path_addr, path) : 0;
  if (error) return error;
  if (!writable(out, LINUX_STATFS_SIZE)) return -LINUX_EFAULT;
  uint8_t buf[LINUX_STATFS_SIZE];
  int64_t result = files_statfs(guest_fd(fd), path_addr ? path : 0, buf);
  if (result == 0) memcpy(GUEST_PTR(out), buf, sizeof buf);
  return result;
}

/* sendfile and copy_file_range: whole reads and writes through the runtime's own calls, at the offsets given
 * (left past what was copied) or else at the descriptors' positions. */
static int64_t copy_range(int in, uint64_t in_offset_addr, int out, uint64_t out_offset_addr, uint64_t count) {
  int64_t in_offset = -1, out_offset = -1;
  if (in_offset_addr) {
    if (!writable(in_offset_addr, 8)) return -LINUX_EFAULT;
    memcpy(&in_offset, GUEST_PTR(in_offset_addr), 8);
    if (in_offset < 0) return -LINUX_EINVAL;
  }
  if (out_offset_addr) {
    if (!writable(out_offset_addr, 8)) return -LINUX_EFAULT;
    memcpy(&out_offset, GUEST_PTR(out_offset_addr), 8);
    if (out_offset < 0) return -LINUX_EINVAL;
  }
  char buf[16384];
  int64_t total = 0;
  count = clamp_count(count);
  while ((uint64_t)total < count) {
    size_t want = count - (uint64_t)total < sizeof buf ? (size_t)(count - (uint64_t)total) : sizeof buf;
    int64_t got = in_offset >= 0 ? files_pread(in, buf, want, (uint64_t)in_offset) : files_read(in, buf, want);
    if (got <= 0) {
      if (got < 0 && total == 0) return got;
      break;
    }
    int64_t put = out_offset >= 0 ? files_pwrite(out, buf, (size_t)got, (uint64_t)out_offset)
                                  : files_write(out, buf, (size_t)got);
    if (put < 0) {
      if (total == 0) return put;
      break;
    }
    if (in_offset >= 0) in_offset += put;
    if (out_offset >= 0) out_offset += put;
    total += put;
    if (put < got) break;
  }
  if (in_offset_addr) memcpy(GUEST_PTR(in_offset_addr), &in_offset, 8);
  if (out_offset_addr) memcpy(GUEST_PTR(out_offset_addr), &out_offset, 8);
  return total;
}

/* Record locks take a struct flock, which QEMU copies before the call: a bad pointer is EFAULT whatever the fd. */
static int64_t sys_fcntl(uint64_t fd, uint64_t cmd, uint64_t arg) {
  switch ((uint32_t)cmd) {
  case LINUX_F_GETLK: case LINUX_F_OFD_GETLK:
    if (!writable(arg, sizeof(LinuxFlock))) return -LINUX_EFAULT;
    return files_lock(guest_fd(fd), (uint32_t)cmd, GUEST_PTR(arg));
  case LINUX_F_SETLK: case LINUX_F_SETLKW: case LINUX_F_OFD_SETLK: case LINUX_F_OFD_SETLKW:
    if (!readable(arg, sizeof(LinuxFlock))) return -LINUX_EFAULT;
    return files_lock(guest_fd(fd), (uint32_t)cmd, GUEST_PTR(arg));
  default:
    return files_fcntl(guest_fd(fd), (uint32_t)cmd, arg);
  }
}

static int64_t sys_times(uint64_t buf) {
  int64_t tms[4];
  int64_t ticks = host_times(tms);
  if (buf) {
    if (!writable(buf, LINUX_TMS_SIZE)) return -LINUX_EFAULT;
    memcpy(GUEST_PTR(buf), tms, LINUX_TMS_SIZE);
  }
  return ticks;
}

static int64_t sys_getrusage(uint64_t who, uint64_t buf) {
  uint8_t usage[LINUX_RUSAGE_SIZE];
  int64_t result = host_getrusage((int32_t)who, usage);
  if (result < 0) return result;
  if (!writable(buf, LINUX_RUSAGE_SIZE)) return -LINUX_EFAULT;
  memcpy(GUEST_PTR(buf), usage, LINUX_RUSAGE_SIZE);
  return 0;
}

static int64_t emulate(uint64_t nr, const uint64_t *a) {
  switch (nr) {
  case SYS_read: return sys_read(a[0], a[1], a[2]);
  case SYS_write: return sys_write(a[0], a[1], a[2]);
  case SYS_readv: return sys_readv_writev(a[0], a[1], a[2], false);
  case SYS_writev: return sys_readv_writev(a[0], a[1], a[2], true);
  case SYS_pread64: return sys_pread(a[0], a[1], a[2], a[3]);
  case SYS_pwrite64: return sys_pwrite(a[0], a[1], a[2], a[3]);
  case SYS_openat: return sys_openat(a[0], a[1], a[2], a[3]);
  case SYS_close: return files_close(guest_fd(a[0]));
  case SYS_lseek: return files_lseek(guest_fd(a[0]), (int64_t)a[1], (uint32_t)a[2]);
  case SYS_fstat: return sys_fstat(a[0], a[1]);
  case SYS_newfstatat: return sys_newfstatat(a[0], a[1], a[2], a[3]);
  case SYS_statx: return sys_statx(a[0], a[1], a[2], a[3], a[4]);
  case SYS_getdents64: return sys_getdents64(a[0], a[1], a[2]);
  case SYS_readlinkat: return sys_readlinkat(a[0], a[1], a[2], a[3]);
  case SYS_faccessat: return sys_faccessat(a[0], a[1], a[2], 0);
  case SYS_faccessat2: return sys_faccessat(a[0], a[1], a[2], a[3]);
  case SYS_mkdirat: return sys_mkdirat(a[0], a[1], a[2]);
  case SYS_unlinkat: return sys_unlinkat(a[0], a[1], a[2]);
  case SYS_renameat: return sys_renameat2(a[0], a[1], a[2], a[3], 0);
  case SYS_renameat2: return sys_renameat2(a[0], a[1], a[2], a[3], a[4]);
  case SYS_fcntl: return sys_fcntl(a[0], a[1], a[2]);
  case SYS_flock: return files_flock(guest_fd(a[0]), (uint32_t)a[1]);
  case SYS_linkat: return sys_linkat(a[0], a[1], a[2], a[3], a[4]);
  case SYS_symlinkat: return sys_symlinkat(a[0], a[1], a[2]);
  case SYS_fchmod: return sys_fchmodat(a[0], 0, a[1]);
  case SYS_fchmodat: return sys_fchmodat(a[0], a[1], a[2]);
  case SYS_fchown: return sys_fchownat(a[0], 0, a[1], a[2], 0);
  case SYS_fchownat: return sys_fchownat(a[0], a[1], a[2], a[3], a[4]);
  case SYS_utimensat: return sys_utimensat(a[0], a[1], a[2], a[3]);
  case SYS_statfs: return sys_statfs((uint64_t)(int64_t)LINUX_AT_FDCWD, a[0], a[1]);
  case SYS_fstatfs: return sys_statfs(a[0], 0, a[1]);
  case SYS_sendfile: return copy_range(guest_fd(a[1]), a[2], guest_fd(a[0]), 0, a[3]);
  case SYS_copy_file_range:
    return a[5] ? -LINUX_EINVAL : copy_range(guest_fd(a[0]), a[1], guest_fd(a[2]), a[3], a[4]);
  case SYS_dup: return files_dup(guest_fd(a[0]));
  case SYS_dup3: return files_dup3(guest_fd(a[0]), guest_fd(a[1]), (uint32_t)a[2]);
  case SYS_ioctl: return sys_ioctl(a[0], a[1], a[2]);
  case SYS_pipe2: return sys_pipe2(a[0], a[1]);
  case SYS_getcwd: return sys_getcwd(a[0], a[1]);
  case SYS_chdir: return sys_chdir(a[0]);
  case SYS_ftruncate: return files_ftruncate(guest_fd(a[0]), (int64_t)a[1]);
  case SYS_fsync: case SYS_fdatasync: return files_fsync(guest_fd(a[0]));
  case SYS_umask: return files_umask((uint32_t)a[0] & 0777);
  case SYS_uname: return sys_uname(a[0]);
  case SYS_sysinfo: return sys_sysinfo(a[0]);
  case SYS_prctl: return sys_prctl(a[0], a[1]);
  case SYS_brk: return guest_brk(a[0]);
  case SYS_mmap: return guest_mmap(a[0], a[1], (uint32_t)a[2], (uint32_t)a[3], (int64_t)(int32_t)a[4], a[5]);
  case SYS_munmap: return guest_munmap(a[0], a[1]);
  case SYS_mremap: return guest_mremap(a[0], a[1], a[2], (uint32_t)a[3], a[4]);
  case SYS_mprotect: return guest_mprotect(a[0], a[1], (uint32_t)a[2]);
  case SYS_madvise: return guest_madvise(a[0], a[1], (uint32_t)a[2]);
  case SYS_getpid: case SYS_gettid: case SYS_set_tid_address: return host_getpid();
  case SYS_getppid: return host_getppid();
  case SYS_getpgid: return host_getpgid((int32_t)a[0]);
  case SYS_setpgid: return host_setpgid((int32_t)a[0], (int32_t)a[1]);
  case SYS_getsid: return host_getsid((int32_t)a[0]);
  case SYS_setsid: return host_setsid();
  case SYS_times: return sys_times(a[0]);
  case SYS_socket: case SYS_socketpair: case SYS_bind: case SYS_listen: case SYS_accept: case SYS_accept4:
  case SYS_connect: case SYS_getsockname: case SYS_getpeername: case SYS_sendto: case SYS_recvfrom:
  case SYS_setsockopt: case SYS_getsockopt: case SYS_shutdown: case SYS_sendmsg: case SYS_recvmsg:
    return sockets_call(nr, a);
  case SYS_eventfd2: case SYS_epoll_create1: case SYS_epoll_ctl: case SYS_epoll_pwait: case SYS_timerfd_create:
  case SYS_timerfd_settime: case SYS_timerfd_gettime: case SYS_memfd_create:
    return events_call(nr, a);
  case SYS_getrusage: return sys_getrusage(a[0], a[1]);
  case SYS_getuid: return (int64_t)host_ids().uid;
  case SYS_geteuid: return (int64_t)host_ids().euid;
  case SYS_getgid: return (int64_t)host_ids().gid;
  case SYS_getegid: return (int64_t)host_ids().egid;
  case SYS_clock_gettime: return sys_clock_gettime(a[0], a[1], false);
  case SYS_clock_getres: return sys_clock_gettime(a[0], a[1], true);
  case SYS_gettimeofday: return sys_gettimeofday(a[0], a[1]);
  case SYS_ppoll: return sys_ppoll(a[0], a[1], a[2]);
  case SYS_pselect6: return sys_pselect6(a[0], a[1], a[2], a[3], a[4]);
  case SYS_nanosleep: return sys_clock_nanosleep(1 /* CLOCK_MONOTONIC */, 0, a[0], a[1]);
  case SYS_clock_nanosleep: return sys_clock_nanosleep(a[0], a[1], a[2], a[3]);
  case SYS_getrandom: return sys_getrandom(a[0], a[1], a[2]);
  case SYS_prlimit64: return sys_prlimit64(a[0], a[1], a[2], a[3]);
  case SYS_getrlimit: return sys_prlimit64(0, a[0], 0, a[1]);
  case SYS_sched_getaffinity: return sys_sched_getaffinity(a[0], a[1], a[2]);
  case SYS_sched_yield: return 0;
  case SYS_futex: return sys_futex(a[0], a[1], a[2], a[3]);
  case SYS_rt_sigaction: return signal_action(a[0], a[1], a[2], a[3]);
  case SYS_rt_sigprocmask: return signal_procmask(a[0], a[1], a[2], a[3]);
  case SYS_rt_sigpending: return signal_pending(a[0], a[1]);
  case SYS_rt_sigsuspend: return signal_suspend(a[0], a[1]);
  case SYS_getitimer: return timer_get(a[0], a[1]);
  case SYS_setitimer: return timer_set(a[0], a[1], a[2]);
  case SYS_sigaltstack: return signal_altstack(a[0], a[1]);
  case SYS_kill: return signal_kill(a[0], a[1], false);
  case SYS_tkill: return signal_kill(a[0], a[1], true);
  case SYS_tgkill: return a[0] == (uint64_t)host_getpid() ? signal_kill(a[1], a[2], true) : -LINUX_ESRCH;
  /* rseq and set_robust_list too: QEMU 7.2 implements neither, and glibc does without them. */
  default: return -LINUX_ENOSYS;
  }
}

uint64_t elfconv_syscall(void) {
  uint64_t nr = elfconv_state.x[8];
  uint64_t args[6];
  memcpy(args, elfconv_state.x, sizeof args);
  if (nr == SYS_exit || nr == SYS_exit_group) {
    /* The guest is single-threaded, so exit ends the process just like exit_group. */
    trace_exit(nr, args);
    host_exit((int)(args[0] & 0xff));
  }
  int64_t result = emulate(nr, args);
  /* Writing to a pipe nobody reads raises SIGPIPE, delivered as the call ends (the host's own is ignored). */
  if (result == -LINUX_EPIPE) signal_kill(0, LINUX_SIGPIPE, false);
  trace_syscall(nr, args, result);
  elfconv_state.x[0] = (uint64_t)result;
  timers_expire();
  return signal_deliver_pending();
}

/* For mmap of a file: only a descriptor open for reading (and not a directory) can be mapped. */
int64_t file_check_mappable(int fd) {
  int64_t flags = files_fcntl(fd, 3 /* F_GETFL */, 0);
  if (flags < 0) return flags;
  if ((flags & LINUX_O_ACCMODE) == LINUX_O_WRONLY) return -LINUX_EACCES;
  LinuxStat stat;
  int64_t result = files_fstatat(fd, "", LINUX_AT_EMPTY_PATH, &stat);
  if (result < 0) return result;
  return (stat.mode & 0170000) == 0100000 ? 0 : -19 /* ENODEV */;
}

int64_t file_pread_all(int fd, void *buf, size_t length, uint64_t offset) {
  size_t done = 0;
  while (done < length) {
    int64_t n = files_pread(fd, (char *)buf + done, length - done, offset + done);
    if (n < 0) return n;
    if (n == 0) break;
    done += (size_t)n;
  }
  return (int64_t)done;
}
