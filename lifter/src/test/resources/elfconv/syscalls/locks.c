/* Record locks, flock, process groups and sessions, and CPU times: what SQLite and shells ask a lone process.
 * Values that differ between runs (pids, times) are checked for what they must satisfy. OFD and flock locks are
 * taken through one open file only: wasm32 keeps no lock table, so two open files of the guest's own never
 * conflict there. */
#include "sys.h"

struct flock {
  short type, whence;
  int pad;
  long start, length;
  int pid, pad2;
};
enum { F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2, F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7, F_OFD_GETLK = 36,
       F_OFD_SETLK = 37 };

static void lock(const char *what, int fd, int cmd, short type, short whence, int pid) {
  struct flock l = {type, whence, 0, 4, 100, pid, 0};
  show(what, SYS(NR_fcntl, fd, cmd, &l));
  if (cmd == F_GETLK || cmd == F_OFD_GETLK) show("  found type", l.type);
}

int main(u64 *sp) {
  (void)sp;
  int rw = (int)SYS(NR_openat, -100, "db", 0102 /* O_RDWR|O_CREAT */, 0644);
  int ro = (int)SYS(NR_openat, -100, "db", 0, 0);
  int wo = (int)SYS(NR_openat, -100, "db", 1, 0);
  show("opened", rw >= 0 && ro >= 0 && wo >= 0);
  lock("F_GETLK write lock", rw, F_GETLK, F_WRLCK, 0, 0);
  lock("F_SETLK write lock", rw, F_SETLK, F_WRLCK, 0, 0);
  lock("F_SETLKW read lock", rw, F_SETLKW, F_RDLCK, 1, 0);
  lock("F_GETLK own lock does not conflict", rw, F_GETLK, F_WRLCK, 0, 0);
  lock("F_SETLK unlock", rw, F_SETLK, F_UNLCK, 0, 0);
  lock("F_SETLK read lock on a write-only fd", wo, F_SETLK, F_RDLCK, 0, 0);
  lock("F_SETLK write lock on a read-only fd", ro, F_SETLK, F_WRLCK, 0, 0);
  lock("F_SETLK bad type", rw, F_SETLK, 7, 0, 0);
  lock("F_SETLK bad whence", rw, F_SETLK, F_WRLCK, 9, 0);
  lock("F_GETLK unlock type", rw, F_GETLK, F_UNLCK, 0, 0);
  lock("F_SETLK bad fd", 99, F_SETLK, F_WRLCK, 0, 0);
  show("F_SETLK bad pointer", SYS(NR_fcntl, rw, F_SETLK, 16));
  show("F_GETLK bad pointer and bad fd", SYS(NR_fcntl, 99, F_GETLK, 16));
  lock("F_OFD_SETLK", rw, F_OFD_SETLK, F_WRLCK, 0, 0);
  lock("F_OFD_GETLK through the same open file", rw, F_OFD_GETLK, F_RDLCK, 0, 0);
  lock("F_OFD_SETLK with a pid", rw, F_OFD_SETLK, F_WRLCK, 0, 1);
  show("flock LOCK_EX|LOCK_NB", SYS(NR_flock, rw, 2 | 4));
  show("flock LOCK_SH converts the lock", SYS(NR_flock, rw, 1));
  show("flock LOCK_UN", SYS(NR_flock, rw, 8));
  show("flock bad operation", SYS(NR_flock, rw, 3));
  show("flock bad fd", SYS(NR_flock, 99, 1));

  i64 pid = SYS0(NR_getpid);
  i64 pgid = SYS(NR_getpgid, 0);
  // A group or session led from outside our pid namespace reads as 0.
  show("getpgid(0) succeeds", pgid >= 0);
  show("getpgid(0) is getpgid(getpid())", SYS(NR_getpgid, pid) == pgid);
  show("getsid(0) succeeds", SYS(NR_getsid, 0) >= 0);
  show("getpgid of no process", SYS(NR_getpgid, 0x3fffffff));
  show("setpgid to a group of no process", SYS(NR_setpgid, 0, 0x3fffffff));
  show("setpgid(0, 0)", SYS(NR_setpgid, 0, 0));
  show("now leads its group", SYS(NR_getpgid, 0) == pid);
  show("setsid as a group leader", SYS0(NR_setsid));
  show("setpgid negative", SYS(NR_setpgid, 0, -1));

  i64 tms[4];
  i64 ticks = SYS(NR_times, tms);
  show("times succeeds", ticks >= 0);
  show("no children's times", tms[2] == 0 && tms[3] == 0);
  show("times without a buffer", SYS(NR_times, 0) >= ticks);
  i64 usage[18];
  show("getrusage SELF", SYS(NR_getrusage, 0, usage));
  show("microseconds in range", usage[1] >= 0 && usage[1] < 1000000);
  show("getrusage CHILDREN", SYS(NR_getrusage, -1, usage));
  show("children used no time", usage[0] == 0 && usage[1] == 0);
  show("getrusage bad who", SYS(NR_getrusage, 5, usage));
  show("getrusage bad pointer", SYS(NR_getrusage, 0, 16));
  return 0;
}
