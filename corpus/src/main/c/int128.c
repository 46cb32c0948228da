/* __int128 arithmetic (multi-word add/sub chains, 64x64->128 multiplies, the __divti3/__udivti3/__modti3 library
   routines), printed in decimal by repeated division; factorials and a Fibonacci number that need all 128 bits. */
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 s128;

static void print_u128(u128 v) {
  char digits[48];
  int n = 0;
  do {
    digits[n++] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v);
  while (n) {
    putchar(digits[--n]);
  }
}

static void print_s128(s128 v) {
  if (v < 0) {
    putchar('-');
    print_u128(-(u128)v);
  } else {
    print_u128((u128)v);
  }
}

int main(void) {
  u128 f = 1;
  for (int i = 1; i <= 34; i++) {
    f *= (u128)i;
  }
  printf("34! = ");
  print_u128(f);
  printf("\n");
  u128 a = 0, b = 1;
  for (int i = 0; i < 180; i++) {
    u128 t = a + b;
    a = b;
    b = t;
  }
  printf("fib(180) = ");
  print_u128(a);
  printf("\n");
  u128 max = ~(u128)0;
  printf("2^128-1 = ");
  print_u128(max);
  printf("\n");
  s128 min = (s128)((u128)1 << 127);
  printf("-2^127 = ");
  print_s128(min);
  printf("\n");
  unsigned long long x = 0xFFFFFFFFFFFFFFFFULL, y = 0xFFFFFFFFFFFFFFFEULL;
  u128 p = (u128)x * y;
  printf("mul hi %016llx lo %016llx\n", (unsigned long long)(p >> 64), (unsigned long long)p);
  s128 n = -(s128)1000000000000000000LL * 1000000000000LL - 7;
  printf("signed: ");
  print_s128(n);
  printf(" / 97 = ");
  print_s128(n / 97);
  printf(" rem ");
  print_s128(n % 97);
  printf("\n");
  u128 big = ((u128)0x0123456789ABCDEFULL << 64) | 0xFEDCBA9876543210ULL;
  u128 q = big / 0x100000001ULL, r = big % 0x100000001ULL;
  printf("quotient %016llx%016llx remainder %llx\n", (unsigned long long)(q >> 64), (unsigned long long)q,
         (unsigned long long)r);
  printf("shifts %016llx %016llx\n", (unsigned long long)(big >> 68), (unsigned long long)((big << 100) >> 64));
  printf("compare %d %d %d\n", big > max / 2, min < 0, (s128)big > 0);
  return 0;
}
