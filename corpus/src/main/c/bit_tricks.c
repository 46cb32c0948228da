/* Bit operations: popcount, clz, ctz, parity, byte swaps, bit reversal, rotates, bitfield extraction and
   insertion, and the classic tricks (next power of two, lowest set bit, Gray code). */
#include <stdint.h>
#include <stdio.h>

struct fields {
  unsigned a : 3;
  signed b : 5;
  unsigned c : 12;
  unsigned long long d : 37;
  signed e : 7;
};

static uint64_t reverse(uint64_t v) {
  uint64_t r = 0;
  for (int i = 0; i < 64; i++) {
    r = (r << 1) | ((v >> i) & 1);
  }
  return r;
}

static uint64_t rotl(uint64_t v, unsigned k) {
  return (v << (k & 63)) | (v >> ((64 - k) & 63));
}

static uint32_t next_pow2(uint32_t v) {
  v--;
  v |= v >> 1;
  v |= v >> 2;
  v |= v >> 4;
  v |= v >> 8;
  v |= v >> 16;
  return v + 1;
}

int main(void) {
  volatile uint64_t values[] = {1, 0x80000000u, 0xF0F0F0F0F0F0F0F0ULL, 0x0123456789ABCDEFULL, ~0ULL >> 1, 6};
  for (int i = 0; i < 6; i++) {
    uint64_t v = values[i];
    printf("%016llx pop %2d clz %2d ctz %2d parity %d bswap %016llx rev %016llx rotl13 %016llx\n",
           (unsigned long long)v, __builtin_popcountll(v), __builtin_clzll(v), __builtin_ctzll(v),
           __builtin_parityll(v), (unsigned long long)__builtin_bswap64(v), (unsigned long long)reverse(v),
           (unsigned long long)rotl(v, 13));
  }
  volatile uint32_t w = 0x00F00010u;
  printf("32-bit: pop %d clz %d ctz %d bswap32 %08x bswap16 %04x clrsb %d\n", __builtin_popcount(w),
         __builtin_clz(w), __builtin_ctz(w), __builtin_bswap32(w), __builtin_bswap16((uint16_t)w),
         __builtin_clrsb((int)0xFFFF0000));
  printf("next pow2: %u %u %u %u\n", next_pow2(1), next_pow2(17), next_pow2(1024), next_pow2(1025));
  volatile int64_t x = 0x5AC0;
  printf("lowest set bit %llx, clear lowest %llx\n", (unsigned long long)(x & -x), (unsigned long long)(x & (x - 1)));
  printf("gray:");
  for (unsigned i = 0; i < 8; i++) {
    printf(" %u", i ^ (i >> 1));
  }
  printf("\n");
  struct fields f = {5, -9, 4000, 0x1234567890ULL, -50};
  printf("bitfields a %u b %d c %u d %llx e %d\n", f.a, f.b, f.c, (unsigned long long)f.d, f.e);
  f.b += 20;
  volatile unsigned long long all_ones = ~0ULL;
  volatile unsigned nine = 9;
  f.d = all_ones; /* truncated to the field's 37 bits */
  f.a = nine;     /* and to 3 bits: 1 */
  printf("after stores a %u b %d c %u d %llx e %d\n", f.a, f.b, f.c, (unsigned long long)f.d, f.e);
  volatile uint64_t packed = 0;
  for (int i = 0; i < 8; i++) {
    packed |= (uint64_t)(i * 37 & 0xFF) << (i * 8);
  }
  unsigned sum = 0;
  for (int i = 0; i < 64; i += 4) {
    sum += (unsigned)(packed >> i) & 0xF;
  }
  printf("packed %016llx nibble sum %u\n", (unsigned long long)packed, sum);
  return 0;
}
