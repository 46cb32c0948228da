/* The character devices programs open by name: /dev/null, /dev/zero, /dev/urandom. */
#include "sys.h"

int main(u64 *sp) {
  (void)sp;
  int null = (int)SYS(NR_openat, AT_FDCWD, "/dev/null", 2 /* O_RDWR */, 0);
  show("open /dev/null", null >= 0);
  show("write", SYS(NR_write, null, "gone", 4));
  char buf[32];
  show("read", SYS(NR_read, null, buf, sizeof buf));
  struct stat s;
  show("fstat", SYS(NR_fstat, null, &s));
  show("  a character device", (s.mode & 0170000) == 0020000);
  show("stat by name", SYS(NR_newfstatat, AT_FDCWD, "/dev/zero", &s, 0));
  show("  a character device", (s.mode & 0170000) == 0020000);
  int zero = (int)SYS(NR_openat, AT_FDCWD, "/dev/zero", 0, 0);
  fill(buf, 7, sizeof buf);
  show("read /dev/zero", SYS(NR_read, zero, buf, sizeof buf));
  int zeros = 1;
  for (int i = 0; i < 32; i++) zeros &= buf[i] == 0;
  show("  zeros", zeros);
  int random = (int)SYS(NR_openat, AT_FDCWD, "/dev/urandom", 0 | 02000000 /* O_CLOEXEC */, 0);
  show("read /dev/urandom", SYS(NR_read, random, buf, sizeof buf));
  int nonzero = 0;
  for (int i = 0; i < 32; i++) nonzero += buf[i] != 0;
  show("  random", nonzero > 16);
  show("close-on-exec", SYS(NR_fcntl, random, 1 /* F_GETFD */, 0));
  show("open /dev/null as a directory", SYS(NR_openat, AT_FDCWD, "/dev/null", 040000 /* O_DIRECTORY */, 0));
  show("close", SYS(NR_close, null) | SYS(NR_close, zero) | SYS(NR_close, random));
  return 0;
}
