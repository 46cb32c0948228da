/*
 * Floating point that lifted code cannot do with host instructions: the fused multiply-add of binary64 (neither
 * baseline x86-64 nor wasm32 has one, and there is no libm), and the stop at an FP environment elfconv does not
 * emulate. 128-bit values are pairs of uint64_t: wasm32 has no 128-bit shifts and no library that provides them.
 */
#include "../elfconv.h"
#include "runtime.h"
#include "wide.h"

/* A finite non-zero double as significand * 2^exponent. */
static void unpack(uint64_t b, uint64_t *significand, int *exponent) {
  int biased = (int)((b >> 52) & 0x7ff);
  uint64_t fraction = b & ((1ull << 52) - 1);
  *significand = biased ? fraction | (1ull << 52) : fraction;
  *exponent = (biased ? biased : 1) - 1075;
}

/* The exact x * y compared with z: -1, 0 or 1 (finite operands). */
static int compare_product(double x, double y, double z) {
  uint64_t bx = bits_of(x), by = bits_of(y), bz = bits_of(z);
  int product_sign = (bx & MAGNITUDE) == 0 || (by & MAGNITUDE) == 0 ? 0 : ((bx ^ by) >> 63) ? -1 : 1;
  int z_sign = (bz & MAGNITUDE) == 0 ? 0 : (bz >> 63) ? -1 : 1;
  if (product_sign != z_sign || product_sign == 0) return product_sign < z_sign ? -1 : product_sign > z_sign;
  uint64_t mx, my, mz;
  int ex, ey, ez;
  unpack(bx, &mx, &ex);
  unpack(by, &my, &ey);
  unpack(bz, &mz, &ez);
  int product_exponent = ex + ey;
  Wide product = normalise(multiply(mx, my), &product_exponent);
  Wide value = normalise((Wide){0, mz}, &ez);
  int magnitude = product_exponent != ez ? (product_exponent < ez ? -1 : 1) : compare(product, value);
  return product_sign * magnitude;
}

static double magnitude_of(double d) {
  return double_of(bits_of(d) & MAGNITUDE);
}

/* Inexact, and Underflow when the exact product is below min_normal, of the rounded product r = x * y. */
static uint32_t multiplication_exceptions(double x, double y, double r, double min_normal) {
  if (compare_product(x, y, r) == 0) return 0;
  return compare_product(magnitude_of(x), magnitude_of(y), min_normal) < 0 ? FPSR_IXC | FPSR_UFC : FPSR_IXC;
}

/* x * y + z rounded once; *exceptions gets Underflow (tiny before rounding, inexact) and Inexact for finite
 * operands with a finite result (the caller derives the rest from the operands and the result). */
static double fused_multiply_add(double x, double y, double z, uint32_t *exceptions) {
  uint64_t bx = bits_of(x), by = bits_of(y), bz = bits_of(z);
  *exceptions = 0;
  if ((bx & MAGNITUDE) >= INFINITY_BITS || (by & MAGNITUDE) >= INFINITY_BITS || (bz & MAGNITUDE) > INFINITY_BITS
      || (bx & MAGNITUDE) == 0 || (by & MAGNITUDE) == 0) {
    return x * y + z; /* the product is exact (zero, infinite or NaN): one rounding at most */
  }
  if ((bz & MAGNITUDE) == INFINITY_BITS) return z;
  if ((bz & MAGNITUDE) == 0) {
    *exceptions = multiplication_exceptions(x, y, x * y, 0x1p-1022);
    return x * y;
  }

  uint64_t mx, my, mz;
  int ex, ey, ez;
  unpack(bx, &mx, &ex);
  unpack(by, &my, &ey);
  unpack(bz, &mz, &ez);
  int product_exponent = ex + ey, addend_exponent = ez;
  Wide product = normalise(multiply(mx, my), &product_exponent);
  Wide addend = normalise((Wide){0, mz}, &addend_exponent);
  uint64_t product_sign = (bx ^ by) >> 63, addend_sign = bz >> 63;

  /* Align the smaller exponent to the larger one. */
  Wide big = product, small = addend;
  uint64_t big_sign = product_sign, small_sign = addend_sign;
  int exponent = product_exponent, gap = product_exponent - addend_exponent;
  if (gap < 0) {
    big = addend, small = product, big_sign = addend_sign, small_sign = product_sign;
    exponent = addend_exponent, gap = -gap;
  }
  small = shift_right_jamming(small, gap);
  Wide sum;
  uint64_t sign = big_sign;
  if (big_sign == small_sign) {
    sum = add(big, small);
  } else if (compare(big, small) >= 0) {
    sum = subtract(big, small);
  } else {
    sum = subtract(small, big);
    sign = small_sign;
  }
  if (sum.hi == 0 && sum.lo == 0) return 0.0; /* exact cancellation: +0 when rounding to nearest */

  /* Round sum * 2^exponent to 53 bits, or to the subnormal grid 2^-1074. */
  int tiny = exponent + top_bit(sum) < -1022;
  int lsb = exponent + top_bit(sum) - 52;
  if (lsb < -1074) lsb = -1074;
  int shift = lsb - exponent;
  uint64_t q;
  if (shift <= 0) {
    q = shift_left(sum, -shift).lo;
  } else {
    Wide kept = shift_right(sum, shift);
    Wide rest = shift >= 128 ? sum : subtract(sum, shift_left(kept, shift));
    Wide half = shift > 128 ? (Wide){~0ull, ~0ull} : shift_left((Wide){0, 1}, shift - 1);
    if (shift == 128) half = (Wide){1ull << 63, 0};
    q = kept.lo;
    int c = compare(rest, half);
    if (c > 0 || (c == 0 && (q & 1))) q++;
    if (rest.hi != 0 || rest.lo != 0) *exceptions = tiny ? FPSR_IXC | FPSR_UFC : FPSR_IXC;
  }
  uint64_t result;
  if (lsb + 1074 >= 2047) {
    result = INFINITY_BITS;
  } else {
    result = ((uint64_t)(lsb + 1074) << 52) + q; /* a carry into the exponent is the right answer */
    if (result >= INFINITY_BITS) result = INFINITY_BITS;
  }
  return double_of(result | sign << 63);
}

double elfconv_fma64(double x, double y, double z) {
  uint32_t ignored;
  return fused_multiply_add(x, y, z, &ignored);
}

static int finite(double d) {
  return (bits_of(d) & MAGNITUDE) < INFINITY_BITS;
}

/* Operations of elfconv_fp_exceptions, as the lifter numbers them (FloatExceptions). */
enum { FP_MULTIPLY = 1, FP_DIVIDE, FP_SQRT, FP_FUSED };

uint32_t elfconv_fp_exceptions(uint32_t operation, double a, double b, double c, double r) {
  if (!finite(a) || !finite(b) || !finite(c) || !finite(r)) return 0;
  switch (operation) {
  case FP_MULTIPLY:
    return multiplication_exceptions(a, b, r, 0x1p-1022);
  case FP_DIVIDE: {
    if (compare_product(r, b, a) == 0) return 0;
    double m = magnitude_of(r);
    int tiny = m < 0x1p-1022 || (m == 0x1p-1022 && compare_product(m, magnitude_of(b), magnitude_of(a)) > 0);
    return tiny ? FPSR_IXC | FPSR_UFC : FPSR_IXC;
  }
  case FP_SQRT:
    return compare_product(r, r, a) == 0 ? 0 : FPSR_IXC;
  case FP_FUSED: {
    uint32_t exceptions;
    fused_multiply_add(a, b, c, &exceptions);
    return exceptions;
  }
  default:
    return 0;
  }
}
