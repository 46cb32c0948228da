/* pselect6 over a pipe: readiness both ways, timeouts, and bad arguments. */
#include "sys.h"

int main(u64 *sp) {
  (void)sp;
  int fds[2];
  SYS(NR_pipe2, fds, 0);
  u64 r[16], w[16];
  struct timespec zero = {0, 0}, ten_ms = {0, 10000000};
  fill(r, 0, sizeof r);
  fill(w, 0, sizeof w);
  r[0] = 1ul << fds[0];
  w[0] = 1ul << fds[1];
  show("empty pipe, zero timeout", SYS(NR_pselect6, fds[1] + 1, r, w, 0, &zero, 0));
  show("  readable", (r[0] >> fds[0]) & 1);
  show("  writable", (w[0] >> fds[1]) & 1);
  SYS(NR_write, fds[1], "abc", 3);
  r[0] = 1ul << fds[0];
  w[0] = 1ul << fds[1];
  show("3 bytes in the pipe", SYS(NR_pselect6, fds[1] + 1, r, w, 0, &zero, 0));
  show("  readable", (r[0] >> fds[0]) & 1);
  char buf[4];
  SYS(NR_read, fds[0], buf, 3);
  r[0] = 1ul << fds[0];
  show("empty again, 10 ms", SYS(NR_pselect6, fds[0] + 1, r, 0, 0, &ten_ms, 0));
  show("  time all used", ten_ms.sec == 0 && ten_ms.nsec == 0);
  show("  read set cleared", r[0]);
  SYS(NR_close, fds[1]);
  r[0] = 1ul << fds[0];
  show("writer closed", SYS(NR_pselect6, fds[0] + 1, r, 0, 0, 0, 0));
  show("  readable (end of file)", (r[0] >> fds[0]) & 1);
  r[0] = 1ul << 40;
  show("a closed descriptor", SYS(NR_pselect6, 41, r, 0, 0, &zero, 0));
  show("negative count", SYS(NR_pselect6, -1, 0, 0, 0, &zero, 0));
  struct timespec bad = {0, 1000000000};
  show("bad timeout", SYS(NR_pselect6, 1, 0, 0, 0, &bad, 0));
  show("bad set pointer", SYS(NR_pselect6, 1, 16, 0, 0, &zero, 0));
  return 0;
}
