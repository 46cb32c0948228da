/* Compresses a message built from standard input (its lines, numbered, repeated to argv[1] bytes) with Debian's
 * libzstd (libzstd-dev:arm64) at several levels, decompresses each frame again, and prints each frame's size and
 * FNV-1a hash: the compressed bytes must be QEMU's, byte for byte. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "message.h"

static uint64_t fnv1a(const unsigned char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
  return h;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
  unsigned char *in = message(n);
  printf("input %zu bytes, hash %016llx\n", n, (unsigned long long)fnv1a(in, n));
  const int levels[] = {1, 3, 9, 19, -5};
  size_t bound = ZSTD_compressBound(n);
  unsigned char *frame = malloc(bound), *back = malloc(n + 1);
  for (int i = 0; i < 5; i++) {
    size_t c = ZSTD_compress(frame, bound, in, n, levels[i]);
    if (ZSTD_isError(c)) {
      printf("level %d: %s\n", levels[i], ZSTD_getErrorName(c));
      return 1;
    }
    size_t d = ZSTD_decompress(back, n + 1, frame, c);
    int same = !ZSTD_isError(d) && d == n && memcmp(back, in, n) == 0;
    printf("level %3d: %zu bytes, hash %016llx, round trip %s\n", levels[i], c, (unsigned long long)fnv1a(frame, c),
           same ? "ok" : "FAILED");
    if (!same) return 1;
  }
  return 0;
}
