/* 64- and 32-bit integer arithmetic at the edges: division and remainder signs, division by powers of two and by
   constants (multiply-high), unsigned wrap-around, overflow builtins, saturating helpers, gcd and modular power. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static volatile int64_t vs[] = {0, 1, -1, 7, -7, 100, -100, INT64_MAX, INT64_MIN + 1, 12345678901234LL};
static volatile int64_t ds[] = {1, -1, 2, -2, 3, -3, 7, 10, 1000000007, INT64_MAX};

static uint64_t gcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static uint64_t powmod(uint64_t base, uint64_t exp, uint64_t mod) {
  uint64_t result = 1;
  base %= mod;
  while (exp) {
    if (exp & 1) {
      result = (unsigned __int128)result * base % mod;
    }
    base = (unsigned __int128)base * base % mod;
    exp >>= 1;
  }
  return result;
}

int main(void) {
  uint64_t hash = 0;
  for (int i = 0; i < 10; i++) {
    for (int j = 0; j < 10; j++) {
      int64_t q = vs[i] / ds[j], r = vs[i] % ds[j];
      hash = hash * 1000003 + (uint64_t)q * 31 + (uint64_t)r;
      if (i < 7 && j < 7) {
        printf("%lld/%lld=%lld r%lld ", (long long)vs[i], (long long)ds[j], (long long)q, (long long)r);
      }
    }
    if (i < 7) {
      printf("\n");
    }
  }
  printf("division hash %016llx\n", (unsigned long long)hash);
  volatile int64_t m = INT64_MIN;
  printf("INT64_MIN/2 %lld, INT64_MIN%%3 %lld, INT64_MIN>>63 %lld\n", (long long)(m / 2), (long long)(m % 3),
         (long long)(m >> 63));
  volatile uint64_t u = 0;
  printf("0u-1 %llu, UINT64_MAX/3 %llu, UINT64_MAX%%10 %llu\n", (unsigned long long)(u - 1),
         (unsigned long long)(~u / 3), (unsigned long long)(~u % 10));
  volatile int32_t s32 = INT32_MIN;
  volatile uint32_t u32 = 0xFFFFFFFFu;
  printf("int32: %d/7 = %d r %d, u32 %u/7 = %u, (int64)INT32_MIN*INT32_MIN = %lld\n", s32, s32 / 7, s32 % 7, u32,
         u32 / 7, (long long)s32 * s32);
  long long sum, product, difference;
  int add_overflows = __builtin_add_overflow((long long)INT64_MAX, 1LL, &sum);
  int mul_overflows = __builtin_mul_overflow(3037000500LL, 3037000500LL, &product);
  int sub_overflows = __builtin_sub_overflow(-5LL, 3LL, &difference);
  printf("overflow add %d (%lld) mul %d (%lld) sub %d (%lld)\n", add_overflows, sum, mul_overflows, product,
         sub_overflows, difference);
  printf("gcd %llu %llu %llu\n", (unsigned long long)gcd(1071, 462), (unsigned long long)gcd(0, 9),
         (unsigned long long)gcd(6700417ULL * 641, 6700417ULL * 3));
  printf("powmod 2^64 mod 1e9+7 = %llu, 3^(p-1) mod p = %llu\n", (unsigned long long)powmod(2, 64, 1000000007),
         (unsigned long long)powmod(3, 18446744073709551556ULL, 18446744073709551557ULL));
  volatile int8_t c = 127;
  c++;
  volatile uint16_t h = 65535;
  h++;
  printf("narrow wrap %d %u, sign extension %lld %lld\n", c, h, (long long)(int8_t)0x80, (long long)(int32_t)0x80000000u);
  return 0;
}
