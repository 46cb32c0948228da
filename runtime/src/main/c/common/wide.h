/*
 * 128-bit unsigned arithmetic on pairs of uint64_t for the runtime's floating point (wasm32 has no 128-bit shifts
 * and no library that provides them), and the bits of doubles.
 */
#ifndef ELFCONV_WIDE_H
#define ELFCONV_WIDE_H

#include <stdint.h>

typedef struct {
  uint64_t hi, lo;
} Wide;

/* FPSR cumulative exception bits. */
enum { FPSR_IOC = 1, FPSR_DZC = 1 << 1, FPSR_OFC = 1 << 2, FPSR_UFC = 1 << 3, FPSR_IXC = 1 << 4, FPSR_IDC = 1 << 7 };

#define MAGNITUDE (~(1ull << 63))
#define INFINITY_BITS (0x7ffull << 52)

static inline uint64_t bits_of(double d) {
  uint64_t b;
  __builtin_memcpy(&b, &d, 8);
  return b;
}

static inline double double_of(uint64_t b) {
  double d;
  __builtin_memcpy(&d, &b, 8);
  return d;
}

static inline Wide multiply(uint64_t a, uint64_t b) {
  uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t middle = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
  return (Wide){p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32), (middle << 32) | (uint32_t)p00};
}

static inline int top_bit(Wide w) { /* w != 0 */
  return w.hi ? 127 - __builtin_clzll(w.hi) : 63 - __builtin_clzll(w.lo);
}

static inline Wide shift_left(Wide w, int n) { /* 0 <= n < 128 */
  if (n == 0) return w;
  if (n >= 64) return (Wide){w.lo << (n - 64), 0};
  return (Wide){(w.hi << n) | (w.lo >> (64 - n)), w.lo << n};
}

static inline Wide shift_right(Wide w, int n) { /* 0 <= n; 128 and above gives 0 */
  if (n == 0) return w;
  if (n >= 128) return (Wide){0, 0};
  if (n >= 64) return (Wide){0, w.hi >> (n - 64)};
  return (Wide){w.hi >> n, (w.lo >> n) | (w.hi << (64 - n))};
}

/* w >> n with every bit shifted out ORed into bit 0: enough for correct rounding far below. */
static inline Wide shift_right_jamming(Wide w, int n) {
  Wide r = shift_right(w, n);
  Wide back = n >= 128 ? (Wide){0, 0} : shift_left(r, n);
  if (back.hi != w.hi || back.lo != w.lo) r.lo |= 1;
  return r;
}

static inline int compare(Wide a, Wide b) {
  if (a.hi != b.hi) return a.hi < b.hi ? -1 : 1;
  return a.lo < b.lo ? -1 : a.lo > b.lo;
}

static inline Wide add(Wide a, Wide b) {
  uint64_t lo = a.lo + b.lo;
  return (Wide){a.hi + b.hi + (lo < a.lo), lo};
}

static inline Wide subtract(Wide a, Wide b) { /* a >= b */
  return (Wide){a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo};
}

/* The significand at bit 125, leaving headroom for the carry of an addition. */
static inline Wide normalise(Wide w, int *exponent) {
  int shift = 125 - top_bit(w);
  *exponent -= shift;
  return shift >= 0 ? shift_left(w, shift) : shift_right_jamming(w, -shift);
}

#endif
