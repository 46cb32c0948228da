/* Debian's liblz4 (liblz4-dev:arm64): the fast and high-compression block formats and the frame format, decoded
 * again, and a damaged block refused. */
#include <lz4.h>
#include <lz4frame.h>
#include <lz4hc.h>
#include <stdlib.h>

#include "message.h"
#include "roundtrip.h"

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
  unsigned char *in = message(n);
  printf("liblz4 %s, input %zu bytes\n", LZ4_versionString(), n);
  size_t bound = LZ4F_compressFrameBound(n, NULL) + (size_t)LZ4_compressBound((int)n);
  unsigned char *packed = malloc(bound), *back = malloc(n + 1);
  int fast = LZ4_compress_default((const char *)in, (char *)packed, (int)n, (int)bound);
  int back_size = LZ4_decompress_safe((const char *)packed, (char *)back, fast, (int)n + 1);
  if (fast <= 0 || report("fast", packed, (size_t)fast, in, back, n, (size_t)back_size)) return 1;
  int accelerated = LZ4_compress_fast((const char *)in, (char *)packed, (int)n, (int)bound, 8);
  back_size = LZ4_decompress_safe((const char *)packed, (char *)back, accelerated, (int)n + 1);
  if (accelerated <= 0 || report("acceleration 8", packed, (size_t)accelerated, in, back, n, (size_t)back_size)) {
    return 1;
  }
  int hc = LZ4_compress_HC((const char *)in, (char *)packed, (int)n, (int)bound, LZ4HC_CLEVEL_MAX);
  back_size = LZ4_decompress_safe((const char *)packed, (char *)back, hc, (int)n + 1);
  if (hc <= 0 || report("HC level 12", packed, (size_t)hc, in, back, n, (size_t)back_size)) return 1;
  packed[hc / 3] ^= 0xff;
  printf("damaged block: %d\n", LZ4_decompress_safe((const char *)packed, (char *)back, hc, (int)n + 1) < 0);
  LZ4F_preferences_t preferences = {.frameInfo = {.contentChecksumFlag = LZ4F_contentChecksumEnabled}};
  size_t frame = LZ4F_compressFrame(packed, bound, in, n, &preferences);
  if (LZ4F_isError(frame)) return 1;
  LZ4F_dctx *context;
  LZ4F_createDecompressionContext(&context, LZ4F_VERSION);
  size_t out_size = n + 1, in_size = frame;
  size_t status = LZ4F_decompress(context, back, &out_size, packed, &in_size, NULL);
  LZ4F_freeDecompressionContext(context);
  return LZ4F_isError(status) || report("frame", packed, frame, in, back, n, out_size);
}
