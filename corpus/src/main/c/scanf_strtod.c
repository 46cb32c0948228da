/* Parsing numbers: strtod/strtold/strtol on tricky spellings, and scanf of a list read from standard input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void parse_double(const char *s) {
  char *end;
  errno = 0;
  double d = strtod(s, &end);
  printf("strtod(\"%s\") = %.17g %a, used %td, errno %s\n", s, d, d, end - s, errno == ERANGE ? "ERANGE" : "0");
}

int main(void) {
  const char *doubles[] = {"0", "-0.0", "3.14159", "1e308", "1e309", "-1e-320", "2.2250738585072011e-308",
                           "0x1.8p3", "  +12.5e-1xyz", "inf", "-Infinity", "nan", "1.7976931348623158e308",
                           "9007199254740993", "0.1e", ".5", "e5", "4.9e-324", "2.4703282292062328e-324"};
  for (size_t i = 0; i < sizeof doubles / sizeof doubles[0]; i++) {
    parse_double(doubles[i]);
  }
  long double ld = strtold("3.141592653589793238462643383279502884", NULL);
  printf("strtold pi = %.34Lg\n", ld);
  const char *ints[] = {"42", "-0x7fffffffffffffff", "0777", "9223372036854775808", "-9223372036854775809", "z1"};
  for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
    char *end;
    errno = 0;
    long v = strtol(ints[i], &end, 0);
    printf("strtol(\"%s\", 0) = %ld, used %td, errno %s\n", ints[i], v, end - ints[i],
           errno == ERANGE ? "ERANGE" : "0");
  }
  printf("strtoul base 36 %lu, base 2 %lu\n", strtoul("zz", NULL, 36), strtoul("101101", NULL, 2));

  /* stdin: a count, then that many "name value" pairs; prints their sum and mean. */
  int count;
  if (scanf("%d", &count) != 1) {
    printf("no count on stdin\n");
    return 1;
  }
  double total = 0;
  for (int i = 0; i < count; i++) {
    char name[32];
    double value;
    if (scanf("%31s %lf", name, &value) != 2) {
      printf("bad pair %d\n", i);
      return 1;
    }
    total += value;
    printf("%-8s %12.4f\n", name, value);
  }
  unsigned hex;
  char word[16];
  int matched = scanf(" hex=%x word=%15[a-z]", &hex, word);
  printf("matched %d: hex %u word %s\n", matched, hex, matched == 2 ? word : "-");
  printf("sum %.6f mean %.6f\n", total, total / count);
  return 0;
}
