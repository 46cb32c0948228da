/* Sockets within one process: a Unix socket pair, TCP over loopback (listen, connect, accept4, both directions,
 * shutdown), UDP to itself, scatter-gather messages, options, and the errors of bad arguments. Ports differ
 * between runs: they are checked for what they must satisfy. Where sockets cannot be created (WASI), the first
 * line says so and the program stops. */
#include "sys.h"

struct iovec {
  void *base;
  u64 length;
};
struct msghdr {
  void *name;
  u32 namelen;
  struct iovec *iov;
  u64 iovlen;
  void *control;
  u64 controllen;
  int flags;
};
enum { AF_UNIX = 1, AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_CLOEXEC = 02000000, SOL_SOCKET = 1,
       SO_REUSEADDR = 2, SO_TYPE = 3, SHUT_WR = 1, LOOPBACK = 0x0100007f };

static void received(const char *what, i64 n, const char *buf, const char *expected) {
  show(what, n);
  show("  bytes as sent", n >= 0 && same(buf, expected, (u64)n) && expected[n] == 0);
}

int main(u64 *sp) {
  (void)sp;
  int pair[2];
  i64 r = SYS(NR_socketpair, AF_UNIX, SOCK_STREAM, 0, pair);
  show("socketpair", r);
  show("socket of an unknown family", SYS(NR_socket, 999, SOCK_STREAM, 0));
  show("sendto on a file", SYS(NR_sendto, 1, "x", 1, 0, 0, 0));
  show("sendto on a bad fd", SYS(NR_sendto, 99, "x", 1, 0, 0, 0));
  if (r < 0) return 0;

  char buf[64];
  received("pair: sendto then recvfrom", (SYS(NR_sendto, pair[0], "ping", 4, 0, 0, 0),
      SYS(NR_recvfrom, pair[1], buf, sizeof buf, 0, 0, 0)), buf, "ping");
  struct iovec out[2] = {{"scatter ", 8}, {"gather", 6}};
  struct msghdr m = {0, 0, out, 2, 0, 0, 0};
  show("sendmsg of two pieces", SYS(NR_sendmsg, pair[1], &m, 0));
  struct iovec in[1] = {{buf, sizeof buf}};
  struct msghdr n = {0, 0, in, 1, 0, 0, 0};
  received("recvmsg into one", SYS(NR_recvmsg, pair[0], &n, 0), buf, "scatter gather");
  struct msghdr bad = {0, 0, (void *)16, 1, 0, 0, 0};
  show("sendmsg with a bad iovec", SYS(NR_sendmsg, pair[1], &bad, 0));

  int server = (int)SYS(NR_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  show("tcp socket", server >= 0);
  int one = 1;
  show("setsockopt SO_REUSEADDR", SYS(NR_setsockopt, server, SOL_SOCKET, SO_REUSEADDR, &one, 4));
  struct sockaddr_in address = {AF_INET, 0, LOOPBACK, {0}};
  show("bind 127.0.0.1:0", SYS(NR_bind, server, &address, sizeof address));
  show("bind with a bad address", SYS(NR_bind, server, 16, sizeof address));
  show("listen", SYS(NR_listen, server, 4));
  u32 length = sizeof address;
  show("getsockname", SYS(NR_getsockname, server, &address, &length));
  show("  a port was given", address.port != 0 && length == sizeof address);
  int client = (int)SYS(NR_socket, AF_INET, SOCK_STREAM, 0);
  show("connect", SYS(NR_connect, client, &address, sizeof address));
  struct sockaddr_in peer, mine;
  u32 peer_length = sizeof peer, mine_length = sizeof mine;
  int accepted = (int)SYS(NR_accept4, server, &peer, &peer_length, SOCK_CLOEXEC);
  show("accept4", accepted >= 0);
  SYS(NR_getsockname, client, &mine, &mine_length);
  show("  the peer is the client", peer.port == mine.port && peer.addr == LOOPBACK);
  struct sockaddr_in their;
  u32 their_length = sizeof their;
  show("getpeername", SYS(NR_getpeername, client, &their, &their_length));
  show("  the client's peer is the server", their.port == address.port);
  received("client to server", (SYS(NR_sendto, client, "hello", 5, 0, 0, 0),
      SYS(NR_recvfrom, accepted, buf, sizeof buf, 0, 0, 0)), buf, "hello");
  received("server to client", (SYS(NR_sendto, accepted, "world!", 6, 0, 0, 0),
      SYS(NR_recvfrom, client, buf, sizeof buf, 0, 0, 0)), buf, "world!");
  show("shutdown SHUT_WR", SYS(NR_shutdown, client, SHUT_WR));
  show("end of stream", SYS(NR_recvfrom, accepted, buf, sizeof buf, 0, 0, 0));
  int type = 0;
  u32 type_length = 4;
  show("getsockopt SO_TYPE", SYS(NR_getsockopt, accepted, SOL_SOCKET, SO_TYPE, &type, &type_length));
  show("  stream", type == SOCK_STREAM && type_length == 4);
  show("getsockopt with a bad length pointer", SYS(NR_getsockopt, accepted, SOL_SOCKET, SO_TYPE, &type, 16));

  int udp = (int)SYS(NR_socket, AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in self = {AF_INET, 0, LOOPBACK, {0}};
  u32 self_length = sizeof self;
  show("udp bind", SYS(NR_bind, udp, &self, sizeof self));
  SYS(NR_getsockname, udp, &self, &self_length);
  show("udp sendto itself", SYS(NR_sendto, udp, "datagram", 8, 0, &self, sizeof self));
  struct sockaddr_in from;
  u32 from_length = sizeof from;
  received("udp recvfrom", SYS(NR_recvfrom, udp, buf, sizeof buf, 0, &from, &from_length), buf, "datagram");
  show("  from itself", from.port == self.port && from_length == sizeof from);
  return 0;
}
