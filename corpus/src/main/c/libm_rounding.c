/* libm and the four rounding modes: results of elementary functions, and of arithmetic, conversions and rint
   under FE_TONEAREST, FE_UPWARD, FE_DOWNWARD and FE_TOWARDZERO. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>

static volatile double one = 1.0, three = 3.0, big = 1e308, tiny = 1e-308;
static volatile double halves[] = {2.5, -2.5, 3.5, -0.2, 1.5, -1.5};
static volatile double tenth = 0.1, fifth = 0.2;
/* Called through pointers: without -frounding-math GCC takes rint for a constant function of its argument and may
   move it across fesetround. */
static double (*volatile rint_p)(double) = rint;
static double (*volatile nearbyint_p)(double) = nearbyint;
static long (*volatile lrint_p)(double) = lrint;

int main(void) {
  printf("sqrt2 %.17g cbrt27 %.17g hypot %.17g\n", sqrt(2.0), cbrt(27.0), hypot(3.0, 4.0));
  printf("exp1 %.17g log10 %.17g log2 %.17g\n", exp(1.0), log(10.0), log2(1024.0));
  printf("sin %.17g cos %.17g tan %.17g\n", sin(1.0), cos(1.0), tan(0.5));
  printf("atan2 %.17g asin %.17g acos %.17g\n", atan2(1.0, -1.0), asin(0.5), acos(-1.0));
  printf("pow %.17g %.17g %.17g\n", pow(2.0, 0.5), pow(-8.0, 1.0 / 3.0), pow(10.0, -3.0));
  printf("fmod %.17g remainder %.17g fma %.17g\n", fmod(10.5, 3.0), remainder(10.5, 3.0), fma(0.1, 10.0, -1.0));
  printf("floor %g ceil %g trunc %g round %g %g\n", floor(-2.5), ceil(-2.5), trunc(-2.7), round(2.5), round(-0.5));
  printf("frexp/ldexp: ");
  int e;
  double m = frexp(48.0, &e);
  printf("%g*2^%d = %g\n", m, e, ldexp(m, e));
  printf("isnan %d isinf %d signbit %d copysign %g nextafter %a\n", isnan(sqrt(-one)) != 0, isinf(big * 10) != 0,
         signbit(-0.0) != 0, copysign(3.0, -0.0), nextafter(1.0, 2.0));
  printf("sinf %.9g expf %.9g logf %.9g\n", (double)sinf(1.0f), (double)expf(1.0f), (double)logf(2.0f));

  const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  const char *names[] = {"nearest", "upward", "downward", "towardzero"};
  for (int i = 0; i < 4; i++) {
    if (fesetround(modes[i]) != 0) {
      printf("fesetround %s failed\n", names[i]);
      return 1;
    }
    volatile double third = one / three;
    volatile double neg_third = -one / three;
    volatile float thirdf = (float)one / (float)three;
    printf("%-10s get %d: 1/3 %a -1/3 %a 1/3f %a\n", names[i], fegetround() == modes[i], third, neg_third,
           (double)thirdf);
    printf("%-10s rint %g %g %g %g nearbyint %g lrint %ld\n", names[i], rint_p(halves[0]),
           rint_p(halves[1]), rint_p(halves[2]), rint_p(halves[3]), nearbyint_p(halves[4]), lrint_p(halves[5]));
    printf("%-10s overflow %g underflow %a sum %a\n", names[i], big * 10, tiny * tiny, tenth + fifth);
    volatile double x = 1e16;
    printf("%-10s (float)1e16+1 %a (float)0.1 %a\n", names[i], (double)(float)(x + 1), (double)(float)tenth);
  }
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);
  volatile double q = one / 0.0;
  printf("divbyzero %d inexact %d (q=%g)\n", fetestexcept(FE_DIVBYZERO) != 0, fetestexcept(FE_INEXACT) != 0, q);
  feclearexcept(FE_ALL_EXCEPT);
  q = one / three;
  printf("inexact %d overflow %d\n", fetestexcept(FE_INEXACT) != 0, fetestexcept(FE_OVERFLOW) != 0);
  return 0;
}
