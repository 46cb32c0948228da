/*
 * The compiler-rt routines that lifted code needs on wasm32 and that no libc provides here: 128-bit
 * multiplication (UMULH, SMULH and the flags of 64-bit arithmetic are computed in 128 bits).
 */
#include <stdint.h>

typedef unsigned __int128 u128;

/* 64 x 64 -> 128 bits from 32-bit halves, so that clang does not turn it back into a call to __multi3. */
static u128 multiply_64x64(uint64_t a, uint64_t b) {
  uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t middle = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
  uint64_t low = (middle << 32) | (uint32_t)p00;
  uint64_t high = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
  return ((u128)high << 64) | low;
}

__int128 __multi3(__int128 a, __int128 b) {
  uint64_t a_low = (uint64_t)a, a_high = (uint64_t)((u128)a >> 64);
  uint64_t b_low = (uint64_t)b, b_high = (uint64_t)((u128)b >> 64);
  u128 product = multiply_64x64(a_low, b_low);
  product += (u128)(a_low * b_high + a_high * b_low) << 64;
  return (__int128)product;
}
