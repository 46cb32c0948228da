/* Debian's libbz2 (libbz2-dev:arm64): block sizes 1 and 9, decompressed again, and a truncated stream refused. */
#include <bzlib.h>
#include <stdlib.h>

#include "message.h"
#include "roundtrip.h"

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
  unsigned char *in = message(n);
  printf("libbz2 %s, input %zu bytes\n", BZ2_bzlibVersion(), n);
  unsigned int bound = (unsigned int)(n + n / 100 + 600);
  char *packed = malloc(bound), *back = malloc(n + 1);
  const int blocks[] = {1, 9};
  unsigned int packed_size = 0;
  for (int i = 0; i < 2; i++) {
    packed_size = bound;
    unsigned int back_size = (unsigned int)n + 1;
    if (BZ2_bzBuffToBuffCompress(packed, &packed_size, (char *)in, (unsigned int)n, blocks[i], 0, 0) != BZ_OK) {
      return 1;
    }
    if (BZ2_bzBuffToBuffDecompress(back, &back_size, packed, packed_size, 0, 0) != BZ_OK) return 1;
    char what[32];
    snprintf(what, sizeof what, "block size %d", blocks[i]);
    if (report(what, (unsigned char *)packed, packed_size, in, (unsigned char *)back, n, back_size)) return 1;
  }
  unsigned int back_size = (unsigned int)n + 1;
  printf("truncated stream: %d\n", BZ2_bzBuffToBuffDecompress(back, &back_size, packed, packed_size / 2, 0, 0));
  return 0;
}
