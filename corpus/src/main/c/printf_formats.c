/* printf of doubles and long doubles in every conversion, with the rounding cases that trip converters:
   halfway values, values just under a power of ten, subnormals, infinities, NaN, negative zero. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  double values[] = {0.0, -0.0, 1.0, 0.5, 2.5, 0.125, 1e-300, 123456789.0, 9.999999999999999e22, 0.1, 1.0 / 3.0,
                     DBL_MAX, DBL_MIN, 4.9406564584124654e-324, -1234.5678};
  int n = sizeof values / sizeof values[0];
  for (int i = 0; i < n; i++) {
    double v = values[i];
    printf("%d: %e | %.3f | %g | %.17g | %a\n", i, v, v, v, v, v);
  }
  /* Round half to even on exactly representable halves. */
  printf("%.0f %.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5, -2.5);
  printf("%.1f %.1f %.2f %.2f\n", 0.25, 0.35, 1.005, 1.125);
  printf("%.3e %.3e %g %g %g\n", 9.9995, 9.9985, 100000.0, 1000000.0, 0.0001);
  printf("%#g %#x %#o %+d % d %05d %-5d| %5.2s|\n", 1.0, 255, 8, 42, 42, -42, 7, "abcdef");
  printf("%f %f %f %e\n", INFINITY, -INFINITY, NAN, -NAN);
  printf("%10.4f|%-10.2e|%+.0e\n", M_PI, -M_E, 5e10);
  /* Long double is IEEE binary128 on AArch64 Linux. */
  long double third = 1.0L / 3.0L;
  printf("%.33Lg\n", third);
  printf("%.20Le\n", 2.0L / 7.0L);
  printf("%La\n", 1.0L + LDBL_EPSILON);
  printf("%Lg %Lg\n", LDBL_MAX, LDBL_MIN);
  printf("%.30Lf\n", 0.1L);
  long double sum = 0;
  for (int i = 1; i <= 100; i++) {
    sum += 1.0L / i;
  }
  printf("H(100) = %.30Lf\n", sum);
  printf("%zu %zu %d\n", sizeof(long double), sizeof(double), LDBL_MANT_DIG);
  /* Integers at the limits. */
  printf("%lld %llu %llx %hhd %hd\n", -9223372036854775807LL - 1, 18446744073709551615ULL, 0xdeadbeefcafebabeULL,
         (signed char)200, (short)40000);
  return 0;
}
