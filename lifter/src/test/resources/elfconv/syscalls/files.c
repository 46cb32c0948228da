/* Files, descriptors and pipes in the (empty) working directory the verifier gives every run. */
#include "sys.h"

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_DIRECTORY 040000
#define O_CLOEXEC 02000000

static int open_at(const char *path, int flags) {
  return (int)SYS(NR_openat, AT_FDCWD, path, flags, 0644);
}

static void show_stat(const char *what, const char *path) {
  struct stat st;
  i64 result = SYS(NR_newfstatat, AT_FDCWD, path, &st, 0);
  put(what);
  put(": ");
  put_dec(result);
  if (result == 0) {
    put(" type ");
    put_hex(st.mode & 0170000);
    put(" size ");
    put_dec(st.size);
  }
  put("\n");
}

/* The names in a directory, sorted, so that the hosts' orders do not matter. */
static void list(const char *path) {
  int fd = open_at(path, O_RDONLY | O_DIRECTORY);
  static char buf[4096], names[32][64];
  int count = 0;
  for (;;) {
    i64 n = SYS(NR_getdents64, fd, buf, sizeof buf);
    if (n <= 0) break;
    for (i64 at = 0; at < n;) {
      unsigned short reclen = *(unsigned short *)(buf + at + 16);
      const char *name = buf + at + 19;
      if (count < 32) {
        int i = 0;
        for (; name[i] && i < 63; i++) names[count][i] = name[i];
        names[count][i] = 0;
        count++;
      }
      at += reclen;
    }
  }
  SYS(NR_close, fd);
  for (int i = 0; i < count; i++) {
    for (int j = i + 1; j < count; j++) {
      int k = 0;
      while (names[i][k] && names[i][k] == names[j][k]) k++;
      if ((u8)names[i][k] > (u8)names[j][k]) {
        char t[64];
        for (int m = 0; m < 64; m++) t[m] = names[i][m], names[i][m] = names[j][m], names[j][m] = t[m];
      }
    }
  }
  put(path);
  put(":");
  for (int i = 0; i < count; i++) {
    put(" ");
    put(names[i]);
  }
  put("\n");
}

int main(u64 *sp) {
  (void)sp;
  char buf[64];
  int fd = open_at("data", O_RDWR | O_CREAT | O_EXCL);
  show("openat creates", fd);
  show("O_EXCL on an existing file", open_at("data", O_RDWR | O_CREAT | O_EXCL));
  show("openat missing", open_at("missing", O_RDONLY));
  show("write", SYS(NR_write, fd, "hello, files\n", 13));
  show("lseek to 7", SYS(NR_lseek, fd, 7, 0));
  show("read", SYS(NR_read, fd, buf, sizeof buf));
  SYS(NR_write, 1, buf, 6);
  show("lseek end", SYS(NR_lseek, fd, 0, 2));
  show("lseek bad whence", SYS(NR_lseek, fd, 0, 7));
  show("pwrite", SYS(NR_pwrite64, fd, "HELLO", 5, 0));
  show("pread", SYS(NR_pread64, fd, buf, 5, 0));
  SYS(NR_write, 1, buf, 5);
  put("\n");
  struct { const char *base; u64 length; } iov[2] = {{"vec", 3}, {"tor\n", 4}};
  show("writev", SYS(NR_writev, fd, iov, 2));
  char first[4], second[20];
  struct { char *base; u64 length; } riov[2] = {{first, 4}, {second, 20}};
  SYS(NR_lseek, fd, 0, 0);
  show("readv", SYS(NR_readv, fd, riov, 2));
  SYS(NR_write, 1, first, 4);
  SYS(NR_write, 1, second, 16);
  struct stat st;
  show("fstat", SYS(NR_fstat, fd, &st));
  show("fstat size", st.size);
  show("fstat type", st.mode & 0170000);
  show("ftruncate", SYS(NR_ftruncate, fd, 4));
  show("fsync", SYS(NR_fsync, fd));
  show_stat("after ftruncate", "data");
  u8 sx[256];
  show("statx", SYS(NR_statx, AT_FDCWD, "data", 0, 0x7ff, sx));
  show("statx size", *(i64 *)(sx + 0x28));
  show("statx type", *(unsigned short *)(sx + 0x1c) & 0170000);

  show("fcntl F_GETFL", SYS(NR_fcntl, fd, 3) & ~0400000 /* O_LARGEFILE: set by the kernel or not */);
  show("fcntl F_SETFL O_APPEND", SYS(NR_fcntl, fd, 4, O_APPEND | O_NONBLOCK));
  show("fcntl F_GETFL again", SYS(NR_fcntl, fd, 3) & ~0400000);
  show("fcntl F_GETFD", SYS(NR_fcntl, fd, 1));
  show("fcntl F_SETFD", SYS(NR_fcntl, fd, 2, 1));
  show("fcntl F_GETFD again", SYS(NR_fcntl, fd, 1));
  int copy = (int)SYS(NR_dup, fd);
  show("dup", copy);
  show("dup3", SYS(NR_dup3, copy, 10, O_CLOEXEC));
  show("dup3 onto itself", SYS(NR_dup3, 10, 10, 0));
  show("fcntl F_DUPFD from 20", SYS(NR_fcntl, fd, 0, 20));
  show("write through the dup (append)", SYS(NR_write, 10, "++", 2));
  show_stat("after append", "data");
  show("close", SYS(NR_close, copy));
  show("close again", SYS(NR_close, copy));
  show("read closed", SYS(NR_read, copy, buf, 1));
  show("ioctl TCGETS on a file", SYS(NR_ioctl, fd, 0x5401, buf));
  show("ioctl TCGETS on a closed fd", SYS(NR_ioctl, copy, 0x5401, buf));

  show("mkdirat", SYS(NR_mkdirat, AT_FDCWD, "dir", 0755));
  show("mkdirat again", SYS(NR_mkdirat, AT_FDCWD, "dir", 0755));
  int f2 = open_at("dir/inner", O_WRONLY | O_CREAT | O_TRUNC);
  SYS(NR_write, f2, "inner", 5);
  SYS(NR_close, f2);
  show("renameat", SYS(NR_renameat, AT_FDCWD, "dir/inner", AT_FDCWD, "dir/renamed"));
  show("renameat2 NOREPLACE onto a file", SYS(NR_renameat2, AT_FDCWD, "data", AT_FDCWD, "dir/renamed", 1));
  list("dir");
  list(".");
  int dirfd = open_at("dir", O_RDONLY | O_DIRECTORY);
  show("openat relative to a dirfd", (int)SYS(NR_openat, dirfd, "renamed", O_RDONLY, 0) > 0);
  show("faccessat R_OK", SYS(NR_faccessat, AT_FDCWD, "dir/renamed", 4));
  show("faccessat missing", SYS(NR_faccessat, AT_FDCWD, "dir/nothing", 0));
  show("O_DIRECTORY on a file", open_at("data", O_RDONLY | O_DIRECTORY));
  show("chdir", SYS(NR_chdir, "dir"));
  show_stat("relative after chdir", "renamed");
  show_stat("dot-dot after chdir", "../data");
  char cwd[4096];
  i64 length = SYS(NR_getcwd, cwd, sizeof cwd);
  show("getcwd ends in /dir", length > 4 && same(cwd + length - 5, "/dir", 5));
  show_stat("absolute path from getcwd", cwd);
  show("getcwd too small", SYS(NR_getcwd, cwd, 2));
  show("chdir to a file", SYS(NR_chdir, "renamed"));
  show("chdir back", SYS(NR_chdir, ".."));
  show("unlinkat a directory that is not empty", SYS(NR_unlinkat, AT_FDCWD, "dir", 0x200));
  show("unlinkat", SYS(NR_unlinkat, AT_FDCWD, "dir/renamed", 0));
  show("unlinkat the directory", SYS(NR_unlinkat, AT_FDCWD, "dir", 0x200));
  show("readlinkat of a file", SYS(NR_readlinkat, AT_FDCWD, "data", buf, sizeof buf));
  i64 self = SYS(NR_readlinkat, AT_FDCWD, "/proc/self/exe", cwd, sizeof cwd);
  show("readlinkat /proc/self/exe is absolute", self > 1 && cwd[0] == '/');
  show("umask", SYS(NR_umask, 077));
  show("umask again", SYS(NR_umask, 022));

  int pipe[2];
  show("pipe2", SYS(NR_pipe2, pipe, O_CLOEXEC));
  /* ppoll: pipe ends by their contents and other end, a file always ready, fd -1 skipped, a bad fd POLLNVAL. */
  struct { int fd; short events, revents; } polled[5] = {
      {pipe[0], 1, 0}, {pipe[1], 4, 0}, {open_at("data", O_RDONLY), 5, 0}, {-1, 1, 0}, {99, 1, 0}};
  struct { i64 sec, nsec; } wait = {0, 1000000};
  show("ppoll", SYS(NR_ppoll, polled, 5, &wait, 0, 8));
  for (int i = 0; i < 5; i++) show("  revents", polled[i].revents);
  show("ppoll of an empty pipe, timed out", SYS(NR_ppoll, polled, 1, &wait, 0, 8));
  show("  time left", wait.sec + wait.nsec);
  show("pipe write", SYS(NR_write, pipe[1], "through a pipe\n", 15));
  show("ppoll of a pipe with data", SYS(NR_ppoll, polled, 1, 0, 0, 8));
  show("  revents", polled[0].revents);
  show("pipe read", SYS(NR_read, pipe[0], buf, sizeof buf));
  SYS(NR_write, 1, buf, 15);
  show("pipe lseek", SYS(NR_lseek, pipe[0], 0, 0));
  show("pipe read nonblocking empty", (SYS(NR_fcntl, pipe[0], 4, O_NONBLOCK), SYS(NR_read, pipe[0], buf, 1)));
  SYS(NR_close, pipe[1]);
  show("pipe read after the writer closed", SYS(NR_read, pipe[0], buf, 1));
  show("ppoll of a pipe without writers", SYS(NR_ppoll, polled, 1, 0, 0, 8));
  show("  revents", polled[0].revents);
  show("read EFAULT", SYS(NR_read, fd, 0, 1));
  show("openat EFAULT", SYS(NR_openat, AT_FDCWD, 16, 0, 0));

  /* A pipe without readers: EPIPE with SIGPIPE ignored, death by SIGPIPE (status 141) by default. */
  SYS(NR_pipe2, pipe, 0);
  SYS(NR_close, pipe[0]);
  u64 ignore[4] = {1 /* SIG_IGN */, 0, 0, 0}, default_action[4] = {0, 0, 0, 0};
  SYS(NR_rt_sigaction, 13, ignore, 0, 8);
  show("write to a pipe without readers", SYS(NR_write, pipe[1], "x", 1));
  SYS(NR_rt_sigaction, 13, default_action, 0, 8);
  SYS(NR_write, pipe[1], "x", 1);
  put("not reached\n");
  return 0;
}
