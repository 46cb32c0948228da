/* The guest's files and process, one implementation per target (x86_64/{files,process}.c: host syscalls;
 * wasm32/{files,process}.c: WASI).
 * Arguments are Linux/AArch64 values (guest fd numbers, asm-generic O_* flags), paths are NUL-terminated copies
 * of the guest's strings, buffers point into guest memory the caller has checked, and structures have the
 * AArch64 layout. Results are Linux-style: a value or a negative Linux errno. */
#ifndef ELFCONV_FILES_H
#define ELFCONV_FILES_H

#include "runtime.h"

/* struct stat of asm-generic, as AArch64 uses it (128 bytes). */
typedef struct LinuxStat {
  uint64_t dev, ino;
  uint32_t mode, nlink, uid, gid;
  uint64_t rdev, pad1;
  int64_t size;
  int32_t blksize, pad2;
  int64_t blocks;
  int64_t atime_sec;
  uint64_t atime_nsec;
  int64_t mtime_sec;
  uint64_t mtime_nsec;
  int64_t ctime_sec;
  uint64_t ctime_nsec;
  uint32_t unused[2];
} LinuxStat;

typedef struct LinuxTimespec {
  int64_t sec, nsec;
} LinuxTimespec;

#define LINUX_UTIME_NOW ((1l << 30) - 1l)
#define LINUX_UTIME_OMIT ((1l << 30) - 2l)

/* Sized by the guest (struct statx is 256 bytes on every architecture). */
#define LINUX_STATX_SIZE 256u
#define LINUX_TERMIOS_SIZE 36u
#define LINUX_WINSIZE_SIZE 8u
#define LINUX_TCGETS 0x5401u
#define LINUX_TIOCGWINSZ 0x5413u

int64_t files_openat(int dirfd, const char *path, uint32_t flags, uint32_t mode);
int64_t files_close(int fd);
int64_t files_read(int fd, void *buf, size_t length);
int64_t files_write(int fd, const void *buf, size_t length);
int64_t files_pread(int fd, void *buf, size_t length, uint64_t offset);
int64_t files_pwrite(int fd, const void *buf, size_t length, uint64_t offset);
int64_t files_lseek(int fd, int64_t offset, uint32_t whence);
/* flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH (path "" then names dirfd itself). */
int64_t files_fstatat(int dirfd, const char *path, uint32_t flags, LinuxStat *out);
int64_t files_statx(int dirfd, const char *path, uint32_t flags, uint32_t mask, uint8_t *out);
int64_t files_getdents64(int fd, void *buf, size_t length);
int64_t files_readlinkat(int dirfd, const char *path, char *buf, size_t length);
int64_t files_faccessat(int dirfd, const char *path, uint32_t mode, uint32_t flags);
int64_t files_mkdirat(int dirfd, const char *path, uint32_t mode);
int64_t files_unlinkat(int dirfd, const char *path, uint32_t flags);
int64_t files_renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, uint32_t flags);
int64_t files_fcntl(int fd, uint32_t cmd, uint64_t arg);
int64_t files_linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, uint32_t flags);
int64_t files_symlinkat(const char *target, int newdirfd, const char *linkpath);
/* path NULL: the descriptor itself (fchmod, fchown, futimens). */
int64_t files_fchmodat(int dirfd, const char *path, uint32_t mode);
int64_t files_fchownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, uint32_t flags);
/* times NULL: both now; nsec UTIME_NOW or UTIME_OMIT as Linux reads them. */
int64_t files_utimensat(int dirfd, const char *path, const LinuxTimespec *times, uint32_t flags);
/* struct statfs (120 bytes, the same on both 64-bit ABIs); path NULL: of the descriptor. */
#define LINUX_STATFS_SIZE 120u
int64_t files_statfs(int fd, const char *path, uint8_t out[LINUX_STATFS_SIZE]);
/* struct flock, the same on both 64-bit ABIs. */
typedef struct LinuxFlock {
  int16_t type, whence;
  int32_t pad;
  int64_t start, length;
  int32_t pid, pad2;
} LinuxFlock;
#define LINUX_F_GETLK 5u
#define LINUX_F_SETLK 6u
#define LINUX_F_SETLKW 7u
#define LINUX_F_OFD_GETLK 36u
#define LINUX_F_OFD_SETLK 37u
#define LINUX_F_OFD_SETLKW 38u
/* Record locks (F_GETLK, F_SETLK, F_SETLKW and their OFD forms); lock is the guest's struct, checked by the
   caller. */
int64_t files_lock(int fd, uint32_t cmd, LinuxFlock *lock);
int64_t files_flock(int fd, uint32_t operation);
int64_t files_dup(int fd);
int64_t files_dup3(int oldfd, int newfd, uint32_t flags);
/* The terminal and stream ioctls sys_ioctl lists (termios, window size, foreground group, FIONREAD); out is
   checked for the size the request needs. */
int64_t files_tty_ioctl(int fd, uint32_t request, void *out);
int64_t files_pipe2(int32_t fds[2], uint32_t flags);
/* struct pollfd, the same on every architecture. */
typedef struct LinuxPollfd {
  int32_t fd;
  int16_t events, revents;
} LinuxPollfd;
#define LINUX_POLLIN 0x1
#define LINUX_POLLOUT 0x4
#define LINUX_POLLERR 0x8
#define LINUX_POLLHUP 0x10
#define LINUX_POLLNVAL 0x20
#define LINUX_POLLRDNORM 0x40
#define LINUX_POLLWRNORM 0x100
/* ppoll without a signal mask: the number of descriptors with revents set; timeout (NULL: none) is left holding
   the time not waited, as Linux leaves it. */
int64_t files_poll(LinuxPollfd *fds, uint32_t count, LinuxTimespec *timeout);
int64_t files_getcwd(char *buf, size_t size);
int64_t files_chdir(const char *path);
int64_t files_ftruncate(int fd, int64_t length);
int64_t files_fsync(int fd);
/* The absolute path of the running program, as readlink("/proc/self/exe") answers. */
int64_t files_self_exe(char *buf, size_t length);

/* For mmap: 0 if fd is a file open for reading; then bytes [offset, offset + length) of it, zero past its end. */
int64_t file_check_mappable(int fd);
int64_t file_pread_all(int fd, void *buf, size_t length, uint64_t offset);

uint32_t files_umask(uint32_t mask);

/* struct utsname: six fields of 65 bytes. */
#define LINUX_UTSNAME_FIELD 65u
/* The host's answer with machine "aarch64", as QEMU reports it. */
void host_uname(char out[6][LINUX_UTSNAME_FIELD]);
/* RLIMIT_* as prlimit64 reads them: cur, max. */
int64_t host_prlimit(uint32_t resource, uint64_t limits[2]);
/* The CPUs the guest may run on, as sched_getaffinity fills them; the result is the bytes written. */
int64_t host_affinity(uint8_t *mask, size_t size);
/* The guest's NUL-terminated string at addr copied into out: 0, -EFAULT, or -ENAMETOOLONG if capacity bytes hold
   no NUL. */
int64_t guest_string(uint64_t addr, char *out, uint32_t capacity);
/* eventfd, timerfd, epoll and memfd calls by AArch64 syscall number, pointers already host pointers. */
int64_t host_event_call(uint64_t nr, const uint64_t args[6]);
/* events.c: an event-descriptor system call of the guest. */
int64_t events_call(uint64_t nr, const uint64_t *args);
/* Socket calls by AArch64 syscall number, pointers already host pointers (sockets.c checks the guest's). */
int64_t host_socket_call(uint64_t nr, const uint64_t args[6]);
/* sockets.c: a socket system call of the guest. */
int64_t sockets_call(uint64_t nr, const uint64_t *args);
/* Process groups and sessions: getpgid, setpgid, getsid, setsid. */
int64_t host_getpgid(int32_t pid);
int64_t host_setpgid(int32_t pid, int32_t pgid);
int64_t host_getsid(int32_t pid);
int64_t host_setsid(void);
/* struct tms (four clock_t of 1/100 s) and struct rusage (144 bytes), the same on both 64-bit ABIs. */
#define LINUX_TMS_SIZE 32u
#define LINUX_RUSAGE_SIZE 144u
int64_t host_times(int64_t out[4]);
int64_t host_getrusage(int32_t who, uint8_t out[LINUX_RUSAGE_SIZE]);
/* struct sysinfo, as Linux on aarch64 (and x86_64) lays it out. */
#define LINUX_SYSINFO_SIZE 112
void host_sysinfo(uint8_t out[LINUX_SYSINFO_SIZE]);

int64_t host_clock_gettime(uint32_t clock, LinuxTimespec *out);
int64_t host_clock_getres(uint32_t clock, LinuxTimespec *out);
/* Sleeps; remaining time is not reported (no signal can interrupt a sleep of this single-threaded guest). */
int64_t host_sleep(uint32_t clock, uint32_t flags, const LinuxTimespec *request);
int64_t host_getpid(void);
int64_t host_getppid(void);

#endif
