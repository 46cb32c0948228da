/* Double and float arithmetic without libm: the four operations, fused multiply-add, conversions between integer
   and floating point (signed, unsigned, all widths), comparisons with NaN, min/max, and a numerical series. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static volatile double dv[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e300, -1e-300, 2.5, 4503599627370497.0};
static volatile float fv[] = {0.0f, 1.0f, -2.75f, 3.4e38f, 1e-40f, 16777217.0f, 0.1f};

int main(void) {
  double acc = 0;
  for (int i = 0; i < 9; i++) {
    for (int j = 0; j < 9; j++) {
      double a = dv[i], b = dv[j];
      acc += (a + b) * 0.5 - (a - b) * 0.25;
      if (b != 0) {
        double q = a / b;
        if (!isinf(q)) {
          acc += q * 1e-3;
        }
      }
    }
  }
  printf("accumulated %.17g\n", acc);
  /* At -O2 GCC contracts a*a-c into one fused multiply-subtract (-ffp-contract=fast), so the two levels differ. */
  printf("fma %a, a*a-c %a\n", fma(dv[4], dv[4], -9.869604401089358), dv[4] * dv[4] - 9.869604401089358);
  for (int i = 0; i < 9; i++) {
    double d = dv[i];
    long long asll = (d > -9.2e18 && d < 9.2e18) ? (long long)d : 0;
    int32_t as32 = (d > -2.1e9 && d < 2.1e9) ? (int32_t)d : 0;
    uint64_t asu = (d >= 0 && d < 1.8e19) ? (uint64_t)d : 0;
    printf("%-24.17g -> %lld %d %llu float %a\n", d, asll, as32, (unsigned long long)asu, (double)(float)d);
  }
  for (int i = 0; i < 7; i++) {
    float f = fv[i];
    printf("float %a * 3 = %a, sqrt %a, to double %.17g\n", (double)f, (double)(f * 3.0f), (double)sqrtf(f < 0 ? -f : f),
           (double)f);
  }
  volatile uint64_t big = 0xFFFFFFFFFFFFF801ULL;
  volatile int64_t neg = -9007199254740993LL;
  printf("u64 -> double %a, s64 -> double %a, u32 -> float %a\n", (double)big, (double)neg,
         (double)(float)(uint32_t)0xFFFFFF7Fu);
  volatile double nan = NAN;
  printf("nan compares: < %d > %d == %d != %d, fmin %g fmax %g\n", nan < 1, nan > 1, nan == nan, nan != nan,
         fmin(nan, 2.0), fmax(-1.0, nan));
  printf("signed zero: %g %g, 1/-0 %g\n", -0.0 + 0.0, -0.0 * 1.0, 1.0 / dv[1]);
  double pi = 0;
  for (int k = 0; k < 1000000; k++) {
    pi += (k % 2 ? -4.0 : 4.0) / (2.0 * k + 1.0);
  }
  float e = 1, term = 1;
  for (int k = 1; k < 20; k++) {
    term /= (float)k;
    e += term;
  }
  printf("leibniz pi %.15f, float e %.8f\n", pi, (double)e);
  return 0;
}
