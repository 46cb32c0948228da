/* A TCP echo server on 127.0.0.1: it writes the port it was given to the file "port", echoes one client's bytes
 * back until the client shuts its side down, and says how many it echoed. */
#include "sys.h"

int main(u64 *sp) {
  (void)sp;
  int server = (int)SYS(NR_socket, 2 /* AF_INET */, 1 /* SOCK_STREAM */, 0);
  struct sockaddr_in address = {2, 0, 0x0100007f, {0}};
  u32 length = sizeof address;
  if (SYS(NR_bind, server, &address, sizeof address) || SYS(NR_listen, server, 1)
      || SYS(NR_getsockname, server, &address, &length)) {
    put("cannot listen\n");
    return 1;
  }
  int file = (int)SYS(NR_openat, AT_FDCWD, "port.tmp", 0101 /* O_WRONLY|O_CREAT */, 0644);
  SYS(NR_write, file, &address.port, 2);
  SYS(NR_close, file);
  SYS(NR_renameat, AT_FDCWD, "port.tmp", AT_FDCWD, "port"); /* the client sees the whole port or nothing */
  int client = (int)SYS(NR_accept4, server, 0, 0, 0);
  show("accepted", client >= 0);
  char buf[256];
  i64 total = 0, n;
  while ((n = SYS(NR_recvfrom, client, buf, sizeof buf, 0, 0, 0)) > 0) {
    SYS(NR_sendto, client, buf, n, 0, 0, 0);
    total += n;
  }
  show("echoed bytes", total);
  show("last recvfrom", n);
  return 0;
}
