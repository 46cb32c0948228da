/* The guest's files on x86_64: the guest's descriptors are host descriptors, and the calls are host system calls.
 * What differs between the two ABIs is converted here: O_* flag bits and struct stat. */
#include "common/files.h"
#include "common/linux.h"
#include "hostcall.h"

enum {
  X86_READ = 0, X86_WRITE = 1, X86_CLOSE = 3, X86_LSEEK = 8, X86_IOCTL = 16, X86_PREAD64 = 17,
  X86_PWRITE64 = 18, X86_DUP = 32, X86_FCNTL = 72, X86_FLOCK = 73, X86_FSYNC = 74, X86_FTRUNCATE = 77, X86_GETCWD = 79,
  X86_CHDIR = 80, X86_READLINK = 89, X86_GETDENTS64 = 217,
  X86_OPENAT = 257, X86_MKDIRAT = 258, X86_NEWFSTATAT = 262, X86_UNLINKAT = 263, X86_READLINKAT = 267,
  X86_FACCESSAT = 269, X86_PPOLL = 271, X86_DUP3 = 292, X86_PIPE2 = 293, X86_RENAMEAT2 = 316, X86_STATX = 332,
  X86_FACCESSAT2 = 439,
};

#define P(x) ((uint64_t)(uintptr_t)(x))
#define FD(x) ((uint64_t)(int64_t)(x))

/* The bits whose values differ: AArch64 (asm-generic) -> x86_64. */
static const struct {
  uint32_t aarch64, x86_64;
} differing_flags[] = {
    {LINUX_O_DIRECTORY, 0200000}, {LINUX_O_NOFOLLOW, 0400000}, {LINUX_O_DIRECT, 040000}, {LINUX_O_LARGEFILE, 0100000},
};
#define DIFFERING_MASK (LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW | LINUX_O_DIRECT | LINUX_O_LARGEFILE)

static uint32_t to_host_flags(uint32_t flags) {
  uint32_t host = flags & ~DIFFERING_MASK;
  for (size_t i = 0; i < sizeof differing_flags / sizeof differing_flags[0]; i++) {
    if (flags & differing_flags[i].aarch64) host |= differing_flags[i].x86_64;
  }
  return host;
}

static uint32_t to_guest_flags(uint32_t host) {
  uint32_t mask = 0200000 | 0400000 | 040000 | 0100000, flags = host & ~mask;
  for (size_t i = 0; i < sizeof differing_flags / sizeof differing_flags[0]; i++) {
    if (host & differing_flags[i].x86_64) flags |= differing_flags[i].aarch64;
  }
  return flags;
}

int64_t files_openat(int dirfd, const char *path, uint32_t flags, uint32_t mode) {
  return host_syscall(X86_OPENAT, FD(dirfd), P(path), to_host_flags(flags), mode, 0, 0);
}

int64_t files_close(int fd) {
  return host_syscall(X86_CLOSE, FD(fd), 0, 0, 0, 0, 0);
}

int64_t files_read(int fd, void *buf, size_t length) {
  return host_syscall(X86_READ, FD(fd), P(buf), length, 0, 0, 0);
}

int64_t files_write(int fd, const void *buf, size_t length) {
  return host_syscall(X86_WRITE, FD(fd), P(buf), length, 0, 0, 0);
}

int64_t files_pread(int fd, void *buf, size_t length, uint64_t offset) {
  return host_syscall(X86_PREAD64, FD(fd), P(buf), length, offset, 0, 0);
}

int64_t files_pwrite(int fd, const void *buf, size_t length, uint64_t offset) {
  return host_syscall(X86_PWRITE64, FD(fd), P(buf), length, offset, 0, 0);
}

int64_t files_lseek(int fd, int64_t offset, uint32_t whence) {
  return host_syscall(X86_LSEEK, FD(fd), (uint64_t)offset, whence, 0, 0, 0);
}

/* struct stat on x86_64 (144 bytes). */
typedef struct X86Stat {
  uint64_t dev, ino, nlink;
  uint32_t mode, uid, gid, pad0;
  uint64_t rdev;
  int64_t size, blksize, blocks;
  uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
  int64_t unused[3];
} X86Stat;

int64_t files_fstatat(int dirfd, const char *path, uint32_t flags, LinuxStat *out) {
  X86Stat s;
  int64_t result = host_syscall(X86_NEWFSTATAT, FD(dirfd), P(path), P(&s), flags, 0, 0);
  if (result < 0) return result;
  *out = (LinuxStat){
      .dev = s.dev, .ino = s.ino, .mode = s.mode, .nlink = (uint32_t)s.nlink, .uid = s.uid, .gid = s.gid,
      .rdev = s.rdev, .size = s.size, .blksize = (int32_t)s.blksize, .blocks = s.blocks,
      .atime_sec = (int64_t)s.atime_sec, .atime_nsec = s.atime_nsec, .mtime_sec = (int64_t)s.mtime_sec,
      .mtime_nsec = s.mtime_nsec, .ctime_sec = (int64_t)s.ctime_sec, .ctime_nsec = s.ctime_nsec,
  };
  return 0;
}

/* struct statx has one layout on every architecture. */
int64_t files_statx(int dirfd, const char *path, uint32_t flags, uint32_t mask, uint8_t *out) {
  return host_syscall(X86_STATX, FD(dirfd), P(path), flags, mask, P(out), 0);
}

/* struct linux_dirent64 has one layout on every architecture. */
int64_t files_getdents64(int fd, void *buf, size_t length) {
  return host_syscall(X86_GETDENTS64, FD(fd), P(buf), length, 0, 0, 0);
}

int64_t files_readlinkat(int dirfd, const char *path, char *buf, size_t length) {
  return host_syscall(X86_READLINKAT, FD(dirfd), P(path), P(buf), length, 0, 0);
}

int64_t files_self_exe(char *buf, size_t length) {
  return host_syscall(X86_READLINK, P("/proc/self/exe"), P(buf), length, 0, 0, 0);
}

/* faccessat2 (Linux 5.8) takes the flags; older hosts have only faccessat, which suffices without them. */
int64_t files_faccessat(int dirfd, const char *path, uint32_t mode, uint32_t flags) {
  int64_t result = host_syscall(X86_FACCESSAT2, FD(dirfd), P(path), mode, flags, 0, 0);
  if (result == -LINUX_ENOSYS && flags == 0) result = host_syscall(X86_FACCESSAT, FD(dirfd), P(path), mode, 0, 0, 0);
  return result;
}

int64_t files_mkdirat(int dirfd, const char *path, uint32_t mode) {
  return host_syscall(X86_MKDIRAT, FD(dirfd), P(path), mode, 0, 0, 0);
}

int64_t files_unlinkat(int dirfd, const char *path, uint32_t flags) {
  return host_syscall(X86_UNLINKAT, FD(dirfd), P(path), flags, 0, 0, 0);
}

int64_t files_renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, uint32_t flags) {
  return host_syscall(X86_RENAMEAT2, FD(olddirfd), P(oldpath), FD(newdirfd), P(newpath), flags, 0);
}

enum { F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030 };

/* Descriptor commands only: locks, owners and leases are refused with EINVAL, as an unknown command is. */
int64_t files_fcntl(int fd, uint32_t cmd, uint64_t arg) {
  switch (cmd) {
  case F_DUPFD: case F_GETFD: case F_SETFD: case F_DUPFD_CLOEXEC:
    return host_syscall(X86_FCNTL, FD(fd), cmd, arg, 0, 0, 0);
  case F_GETFL: {
    /* Without O_LARGEFILE, which the 64-bit kernel sets on every file and QEMU 7.2 does not report. */
    int64_t flags = host_syscall(X86_FCNTL, FD(fd), cmd, 0, 0, 0, 0);
    return flags < 0 ? flags : (int64_t)(to_guest_flags((uint32_t)flags) & ~LINUX_O_LARGEFILE);
  }
  case F_SETFL: return host_syscall(X86_FCNTL, FD(fd), cmd, to_host_flags((uint32_t)arg), 0, 0, 0);
  default: return -LINUX_EINVAL;
  }
}

int64_t files_linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, uint32_t flags) {
  return host_syscall(265 /* linkat */, FD(olddirfd), P(oldpath), FD(newdirfd), P(newpath), flags, 0);
}

int64_t files_symlinkat(const char *target, int newdirfd, const char *linkpath) {
  return host_syscall(266 /* symlinkat */, P(target), FD(newdirfd), P(linkpath), 0, 0, 0);
}

int64_t files_fchmodat(int dirfd, const char *path, uint32_t mode) {
  return path ? host_syscall(268 /* fchmodat */, FD(dirfd), P(path), mode, 0, 0, 0)
              : host_syscall(91 /* fchmod */, FD(dirfd), mode, 0, 0, 0, 0);
}

int64_t files_fchownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, uint32_t flags) {
  return path ? host_syscall(260 /* fchownat */, FD(dirfd), P(path), uid, gid, flags, 0)
              : host_syscall(93 /* fchown */, FD(dirfd), uid, gid, 0, 0, 0);
}

int64_t files_utimensat(int dirfd, const char *path, const LinuxTimespec *times, uint32_t flags) {
  return host_syscall(280 /* utimensat */, FD(dirfd), P(path), P(times), flags, 0, 0);
}

int64_t files_statfs(int fd, const char *path, uint8_t out[LINUX_STATFS_SIZE]) {
  return path ? host_syscall(137 /* statfs */, P(path), P(out), 0, 0, 0, 0)
              : host_syscall(138 /* fstatfs */, FD(fd), P(out), 0, 0, 0, 0);
}

/* struct flock and the commands are the same on x86_64. */
int64_t files_lock(int fd, uint32_t cmd, LinuxFlock *lock) {
  return host_syscall(X86_FCNTL, FD(fd), cmd, P(lock), 0, 0, 0);
}

int64_t files_flock(int fd, uint32_t operation) {
  return host_syscall(X86_FLOCK, FD(fd), operation, 0, 0, 0, 0);
}

int64_t files_dup(int fd) {
  return host_syscall(X86_DUP, FD(fd), 0, 0, 0, 0, 0);
}

int64_t files_dup3(int oldfd, int newfd, uint32_t flags) {
  return host_syscall(X86_DUP3, FD(oldfd), FD(newfd), to_host_flags(flags), 0, 0, 0);
}

/* struct termios and struct winsize are the same on both architectures. */
int64_t files_tty_ioctl(int fd, uint32_t request, void *out) {
  return host_syscall(X86_IOCTL, FD(fd), request, P(out), 0, 0, 0);
}

int64_t files_pipe2(int32_t fds[2], uint32_t flags) {
  return host_syscall(X86_PIPE2, P(fds), to_host_flags(flags), 0, 0, 0, 0);
}

int64_t files_getcwd(char *buf, size_t size) {
  return host_syscall(X86_GETCWD, P(buf), size, 0, 0, 0, 0);
}

int64_t files_chdir(const char *path) {
  return host_syscall(X86_CHDIR, P(path), 0, 0, 0, 0, 0);
}

int64_t files_ftruncate(int fd, int64_t length) {
  return host_syscall(X86_FTRUNCATE, FD(fd), (uint64_t)length, 0, 0, 0, 0);
}

int64_t files_fsync(int fd) {
  return host_syscall(X86_FSYNC, FD(fd), 0, 0, 0, 0, 0);
}

uint32_t files_umask(uint32_t mask) {
  return (uint32_t)host_syscall(95 /* umask */, mask, 0, 0, 0, 0, 0);
}

int64_t files_poll(LinuxPollfd *fds, uint32_t count, LinuxTimespec *timeout) {
  return host_syscall(X86_PPOLL, P(fds), count, P(timeout), 0, 0, 0);
}
