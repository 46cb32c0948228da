/* A few lines of libc for the syscall test programs: raw AArch64 system calls and text output. Built with
 * aarch64-linux-gnu-gcc -static -nostdlib -ffreestanding, so that nothing but these programs' own syscalls runs. */
typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef unsigned char u8;

/* The AArch64 (asm-generic) structures the test programs share. */
struct stat {
  u64 dev, ino;
  u32 mode, nlink, uid, gid;
  u64 rdev, pad1;
  i64 size;
  int blksize, pad2;
  i64 blocks, atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
  u32 unused[2];
};
struct timespec {
  i64 sec, nsec;
};
struct sockaddr_in {
  unsigned short family, port;
  unsigned int addr;
  u8 zero[8];
};

static inline i64 sys6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
  register i64 x8 __asm__("x8") = n;
  register i64 x0 __asm__("x0") = a;
  register i64 x1 __asm__("x1") = b;
  register i64 x2 __asm__("x2") = c;
  register i64 x3 __asm__("x3") = d;
  register i64 x4 __asm__("x4") = e;
  register i64 x5 __asm__("x5") = f;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
  return x0;
}
#define SYS(n, ...) sys6_(n, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define sys6_(n, a, b, c, d, e, f, ...) sys6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), (i64)(e), (i64)(f))
#define SYS0(n) sys6(n, 0, 0, 0, 0, 0, 0)

static u64 length_of(const char *s) {
  u64 n = 0;
  while (s[n]) n++;
  return n;
}

static void put(const char *s) {
  SYS(64, 1, s, length_of(s));
}

static void put_dec(i64 v) {
  char b[24];
  int i = 23;
  u64 u = v < 0 ? -(u64)v : (u64)v;
  b[i] = 0;
  do {
    b[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) b[--i] = '-';
  put(b + i);
}

static void put_hex(u64 v) {
  char b[19];
  int i = 18;
  b[i] = 0;
  do {
    b[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  b[--i] = 'x';
  b[--i] = '0';
  put(b + i);
}

/* "name = value\n" */
static void show(const char *name, i64 value) {
  put(name);
  put(" = ");
  put_dec(value);
  put("\n");
}

static int same(const void *a, const void *b, u64 n) {
  const u8 *x = a, *y = b;
  for (u64 i = 0; i < n; i++) {
    if (x[i] != y[i]) return 0;
  }
  return 1;
}

static void fill(void *p, int c, u64 n) {
  volatile u8 *d = p;
  for (u64 i = 0; i < n; i++) d[i] = (u8)c;
}

static __attribute__((noreturn)) void exit_group(int status) {
  SYS(94, status);
  __builtin_unreachable();
}

int main(u64 *sp);
/* The kernel enters with the initial stack: argc, argv, envp, auxv. */
__asm__(".globl _start\n_start:\n mov x0, sp\n bl main\n mov x8, #94\n svc #0\n");

enum {
  NR_getcwd = 17, NR_dup = 23, NR_dup3 = 24, NR_fcntl = 25, NR_ioctl = 29, NR_mkdirat = 34, NR_unlinkat = 35,
  NR_renameat = 38, NR_ftruncate = 46, NR_faccessat = 48, NR_chdir = 49, NR_openat = 56, NR_close = 57,
  NR_pipe2 = 59, NR_getdents64 = 61, NR_lseek = 62, NR_read = 63, NR_write = 64, NR_readv = 65, NR_writev = 66,
  NR_pread64 = 67, NR_pwrite64 = 68, NR_ppoll = 73, NR_readlinkat = 78, NR_newfstatat = 79, NR_fstat = 80,
  NR_flock = 32, NR_fsync = 82, NR_times = 153, NR_setpgid = 154, NR_getpgid = 155, NR_getsid = 156,
  NR_setsid = 157, NR_getrusage = 165, NR_socket = 198, NR_socketpair = 199, NR_bind = 200, NR_listen = 201,
  NR_accept = 202, NR_connect = 203, NR_getsockname = 204, NR_getpeername = 205, NR_sendto = 206,
  NR_recvfrom = 207, NR_setsockopt = 208, NR_getsockopt = 209, NR_shutdown = 210, NR_sendmsg = 211,
  NR_recvmsg = 212, NR_accept4 = 242, NR_symlinkat = 36, NR_linkat = 37, NR_statfs = 43, NR_fstatfs = 44,
  NR_fchmod = 52, NR_fchmodat = 53, NR_fchownat = 54, NR_fchown = 55, NR_sendfile = 71, NR_utimensat = 88,
  NR_copy_file_range = 285, NR_pselect6 = 72, NR_eventfd2 = 19, NR_epoll_create1 = 20, NR_epoll_ctl = 21,
  NR_epoll_pwait = 22, NR_timerfd_create = 85, NR_timerfd_settime = 86, NR_timerfd_gettime = 87,
  NR_memfd_create = 279, NR_getitimer = 102, NR_setitimer = 103, NR_rt_sigsuspend = 133,
  NR_set_tid_address = 96, NR_futex = 98, NR_set_robust_list = 99, NR_nanosleep = 101, NR_clock_gettime = 113,
  NR_clock_getres = 114, NR_clock_nanosleep = 115, NR_sched_getaffinity = 123, NR_sched_yield = 124, NR_kill = 129,
  NR_tkill = 130, NR_tgkill = 131, NR_sigaltstack = 132, NR_rt_sigaction = 134, NR_rt_sigprocmask = 135,
  NR_uname = 160, NR_getrlimit = 163, NR_umask = 166, NR_gettimeofday = 169, NR_getpid = 172, NR_getppid = 173,
  NR_getuid = 174, NR_geteuid = 175, NR_getgid = 176, NR_getegid = 177, NR_gettid = 178, NR_brk = 214,
  NR_munmap = 215, NR_mremap = 216, NR_clone = 220, NR_execve = 221, NR_mmap = 222, NR_mprotect = 226,
  NR_madvise = 233, NR_prlimit64 = 261, NR_renameat2 = 276, NR_getrandom = 278, NR_statx = 291, NR_rseq = 293,
  NR_clone3 = 435,
};
#define AT_FDCWD (-100)
