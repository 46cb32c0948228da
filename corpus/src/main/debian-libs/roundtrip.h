/* What the compression drivers print of each compressed stream: its size and FNV-1a hash (the bytes must be
 * QEMU's, byte for byte), and whether decompressing it gave the input back. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t fnv1a(const unsigned char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
  return h;
}

/* Prints one round trip; returns 0 when the bytes came back. */
static int report(const char *what, const unsigned char *packed, size_t packed_size, const unsigned char *in,
                  const unsigned char *back, size_t n, size_t back_size) {
  int same = back_size == n && memcmp(back, in, n) == 0;
  printf("%-14s %7zu bytes, hash %016llx, round trip %s\n", what, packed_size,
         (unsigned long long)fnv1a(packed, packed_size), same ? "ok" : "FAILED");
  return !same;
}
