/* The echo server's client: it waits for the file "port", connects, sends three messages and prints what comes
 * back, then shuts its side down and reads the end of the stream. */
#include "sys.h"

int main(u64 *sp) {
  (void)sp;
  struct sockaddr_in address = {2, 0, 0x0100007f, {0}};
  struct timespec pause = {0, 5000000};
  int file = -1;
  for (int tries = 0; tries < 2000 && file < 0; tries++) {
    file = (int)SYS(NR_openat, AT_FDCWD, "port", 0, 0);
    if (file < 0) SYS(NR_nanosleep, &pause, 0);
  }
  if (file < 0 || SYS(NR_read, file, &address.port, 2) != 2) {
    put("no port\n");
    return 1;
  }
  int s = (int)SYS(NR_socket, 2, 1, 0);
  show("connect", SYS(NR_connect, s, &address, sizeof address));
  const char *messages[] = {"first", "second message", "3"};
  for (int i = 0; i < 3; i++) {
    u64 length = length_of(messages[i]);
    SYS(NR_sendto, s, messages[i], length, 0, 0, 0);
    char buf[64];
    u64 got = 0;
    while (got < length) {
      i64 n = SYS(NR_recvfrom, s, buf + got, sizeof buf - 1 - got, 0, 0, 0);
      if (n <= 0) break;
      got += (u64)n;
    }
    buf[got] = 0;
    put("echo: ");
    put(buf);
    put("\n");
  }
  show("shutdown", SYS(NR_shutdown, s, 1 /* SHUT_WR */));
  char end;
  show("end of stream", SYS(NR_recvfrom, s, &end, 1, 0, 0, 0));
  return 0;
}
