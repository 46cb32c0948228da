/* Debian's zlib (zlib1g-dev:arm64): deflate at levels 1, 6 and 9 and with the gzip wrapper, inflate again, and the
 * CRC-32 and Adler-32 of the message built from standard input (argv[1] bytes). */
#include <stdlib.h>
#include <zlib.h>

#include "message.h"
#include "roundtrip.h"

static int gzip_round_trip(const unsigned char *in, size_t n, unsigned char *packed, size_t bound,
                           unsigned char *back) {
  z_stream z = {0};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  z.next_in = (unsigned char *)in, z.avail_in = (uInt)n, z.next_out = packed, z.avail_out = (uInt)bound;
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) return 1;
  size_t packed_size = z.total_out;
  deflateEnd(&z);
  z_stream u = {0};
  inflateInit2(&u, 15 + 16);
  u.next_in = packed, u.avail_in = (uInt)packed_size, u.next_out = back, u.avail_out = (uInt)n + 1;
  int status = inflate(&u, Z_FINISH);
  size_t back_size = u.total_out;
  inflateEnd(&u);
  return status != Z_STREAM_END || report("gzip level 9", packed, packed_size, in, back, n, back_size);
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
  unsigned char *in = message(n);
  printf("zlib %s, input %zu bytes, crc32 %08lx, adler32 %08lx\n", zlibVersion(), n, crc32(0, in, (uInt)n),
         adler32(1, in, (uInt)n));
  uLong bound = compressBound(n);
  unsigned char *packed = malloc(bound), *back = malloc(n + 1);
  const int levels[] = {1, 6, 9};
  for (int i = 0; i < 3; i++) {
    uLongf packed_size = bound, back_size = n + 1;
    if (compress2(packed, &packed_size, in, n, levels[i]) != Z_OK) return 1;
    if (uncompress(back, &back_size, packed, packed_size) != Z_OK) return 1;
    char what[32];
    snprintf(what, sizeof what, "level %d", levels[i]);
    if (report(what, packed, packed_size, in, back, n, back_size)) return 1;
  }
  uLongf back_size = n + 1;
  printf("truncated stream: %d\n", uncompress(back, &back_size, packed, 10));
  return gzip_round_trip(in, n, packed, bound, back);
}
