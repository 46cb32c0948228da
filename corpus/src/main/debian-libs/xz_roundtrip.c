/* Debian's liblzma (liblzma-dev:arm64): .xz streams at presets 0, 6 and 6 extreme with CRC-64 checks, decoded
 * again, and a damaged stream refused. */
#include <lzma.h>
#include <stdlib.h>

#include "message.h"
#include "roundtrip.h"

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
  unsigned char *in = message(n);
  printf("liblzma %s, input %zu bytes, crc64 %016llx\n", lzma_version_string(), n,
         (unsigned long long)lzma_crc64(in, n, 0));
  size_t bound = lzma_stream_buffer_bound(n);
  unsigned char *packed = malloc(bound), *back = malloc(n + 1);
  const uint32_t presets[] = {0, 6, 6 | LZMA_PRESET_EXTREME}; /* 9 would need 674 MiB, over wasm32's 256 */
  size_t packed_size = 0;
  for (int i = 0; i < 3; i++) {
    packed_size = 0;
    if (lzma_easy_buffer_encode(presets[i], LZMA_CHECK_CRC64, NULL, in, n, packed, &packed_size, bound) != LZMA_OK) {
      return 1;
    }
    uint64_t limit = UINT64_MAX;
    size_t in_pos = 0, back_size = 0;
    if (lzma_stream_buffer_decode(&limit, 0, NULL, packed, &in_pos, packed_size, back, &back_size, n + 1) != LZMA_OK) {
      return 1;
    }
    char what[32];
    snprintf(what, sizeof what, "preset %u%s", presets[i] & 0xff, presets[i] & LZMA_PRESET_EXTREME ? "e" : "");
    if (report(what, packed, packed_size, in, back, n, back_size)) return 1;
  }
  packed[packed_size / 2] ^= 0x40;
  uint64_t limit = UINT64_MAX;
  size_t in_pos = 0, back_size = 0;
  printf("damaged stream: %d\n",
         lzma_stream_buffer_decode(&limit, 0, NULL, packed, &in_pos, packed_size, back, &back_size, n + 1));
  return 0;
}
