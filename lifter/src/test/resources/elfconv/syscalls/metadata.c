/* Links, symbolic links, times, permission bits and owners, file systems, and copies between descriptors. */
#include "sys.h"

static struct stat status(const char *path) {
  struct stat s;
  fill(&s, 0, sizeof s);
  SYS(NR_newfstatat, AT_FDCWD, path, &s, 0);
  return s;
}

int main(u64 *sp) {
  (void)sp;
  int fd = (int)SYS(NR_openat, AT_FDCWD, "a", 0102 /* O_RDWR|O_CREAT */, 0644);
  show("write", SYS(NR_write, fd, "0123456789", 10));
  show("linkat", SYS(NR_linkat, AT_FDCWD, "a", AT_FDCWD, "b", 0));
  show("  two links", status("a").nlink == 2 && status("b").ino == status("a").ino);
  show("linkat onto an existing name", SYS(NR_linkat, AT_FDCWD, "a", AT_FDCWD, "b", 0));
  show("linkat bad flags", SYS(NR_linkat, AT_FDCWD, "a", AT_FDCWD, "c", 1));
  show("symlinkat", SYS(NR_symlinkat, "a", AT_FDCWD, "s"));
  char target[16];
  show("readlinkat", SYS(NR_readlinkat, AT_FDCWD, "s", target, sizeof target));
  show("  points at a", target[0] == 'a');
  struct timespec times[2] = {{1000000000, 5}, {1200000000, 7}};
  show("utimensat", SYS(NR_utimensat, AT_FDCWD, "a", times, 0));
  struct stat s = status("a");
  show("  atime", s.atime == 1000000000 && s.atime_nsec == 5);
  show("  mtime", s.mtime == 1200000000 && s.mtime_nsec == 7);
  struct timespec omit[2] = {{0, (1l << 30) - 2}, {1300000000, 0}};
  show("utimensat omitting atime", SYS(NR_utimensat, fd, 0, omit, 0));
  s = status("a");
  show("  atime kept", s.atime == 1000000000 && s.mtime == 1300000000);
  struct timespec bad[2] = {{0, 1000000000}, {0, 0}};
  show("utimensat bad nanoseconds", SYS(NR_utimensat, AT_FDCWD, "a", bad, 0));
  show("utimensat of no file", SYS(NR_utimensat, AT_FDCWD, "none", times, 0));

  i64 out = SYS(NR_openat, AT_FDCWD, "copy", 0101 /* O_WRONLY|O_CREAT */, 0644);
  i64 offset = 2;
  show("sendfile from offset 2", SYS(NR_sendfile, out, fd, &offset, 5));
  show("  offset moved", offset == 7);
  i64 in_offset = 0, out_offset = 5;
  show("copy_file_range", SYS(NR_copy_file_range, fd, &in_offset, out, &out_offset, 3, 0));
  show("  offsets moved", in_offset == 3 && out_offset == 8);
  show("copy_file_range bad flags", SYS(NR_copy_file_range, fd, &in_offset, out, &out_offset, 3, 1));
  char copied[16];
  int back = (int)SYS(NR_openat, AT_FDCWD, "copy", 0, 0);
  show("read the copy", SYS(NR_read, back, copied, sizeof copied));
  show("  23456012", same(copied, "23456012", 8));
  show("sendfile from a bad fd", SYS(NR_sendfile, out, 99, 0, 5));
  int here = (int)SYS(NR_openat, AT_FDCWD, ".", 040000 /* O_DIRECTORY */, 0);
  show("fsync of a directory", SYS(NR_fsync, here));

  show("fchmod 0600", SYS(NR_fchmod, fd, 0600));
  show("  mode", status("a").mode & 07777);
  show("fchmodat 0640", SYS(NR_fchmodat, AT_FDCWD, "a", 0640));
  show("  mode", status("a").mode & 07777);
  show("fchmodat of no file", SYS(NR_fchmodat, AT_FDCWD, "none", 0640));
  show("fchown to the owner", SYS(NR_fchown, fd, status("a").uid, status("a").gid));
  show("fchownat unchanged", SYS(NR_fchownat, AT_FDCWD, "a", -1, -1, 0));
  show("fchown of a bad fd", SYS(NR_fchown, 99, 0, 0));
  u64 fs[15];
  show("statfs", SYS(NR_statfs, ".", fs));
  show("  block size", fs[1] > 0);
  show("fstatfs", SYS(NR_fstatfs, fd, fs));
  show("statfs of no file", SYS(NR_statfs, "none", fs));
  return 0;
}
