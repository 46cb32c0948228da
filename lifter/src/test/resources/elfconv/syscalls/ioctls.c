/* The ioctls of descriptors and terminals that a program makes of pipes and files. */
#include "sys.h"

int main(u64 *sp) {
  (void)sp;
  int fds[2];
  SYS(NR_pipe2, fds, 0);
  u8 termios[36];
  show("TCGETS of a pipe", SYS(NR_ioctl, fds[0], 0x5401, termios));
  show("TCSETS of a pipe", SYS(NR_ioctl, fds[0], 0x5402, termios));
  int group;
  show("TIOCGPGRP of a pipe", SYS(NR_ioctl, fds[0], 0x540f, &group));
  show("TCGETS with a bad pointer", SYS(NR_ioctl, fds[0], 0x5401, 16));
  show("TCGETS of a bad fd", SYS(NR_ioctl, 99, 0x5401, termios));
  show("FIOCLEX", SYS(NR_ioctl, fds[0], 0x5451, 0));
  show("  close-on-exec", SYS(NR_fcntl, fds[0], 1 /* F_GETFD */, 0));
  show("FIONCLEX", SYS(NR_ioctl, fds[0], 0x5450, 0));
  show("  close-on-exec", SYS(NR_fcntl, fds[0], 1, 0));
  int on = 1;
  show("FIONBIO on", SYS(NR_ioctl, fds[0], 0x5421, &on));
  show("  non-blocking", (SYS(NR_fcntl, fds[0], 3 /* F_GETFL */, 0) & 04000) != 0);
  char b;
  show("  empty pipe read", SYS(NR_read, fds[0], &b, 1));
  int off = 0;
  show("FIONBIO off", SYS(NR_ioctl, fds[0], 0x5421, &off));
  show("  blocking", (SYS(NR_fcntl, fds[0], 3, 0) & 04000) == 0);
  SYS(NR_write, fds[1], "12345", 5);
  int ready = -1;
  show("FIONREAD of a pipe", SYS(NR_ioctl, fds[0], 0x541b, &ready));
  show("  bytes", ready);
  show("FIONREAD with a bad pointer", SYS(NR_ioctl, fds[0], 0x541b, 16));
  return 0;
}
