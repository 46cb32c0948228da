/* Variadic functions: va_arg of ints, longs, doubles and pointers mixed (beyond the eight register
   arguments, so some come from the stack), va_copy, and vsnprintf forwarding. */
#include <stdarg.h>
#include <stdio.h>

static double mixed_sum(int count, ...) {
  va_list ap;
  va_start(ap, count);
  double total = 0;
  for (int i = 0; i < count; i++) {
    switch (i % 3) {
      case 0: total += va_arg(ap, int); break;
      case 1: total += va_arg(ap, double); break;
      default: total += (double)va_arg(ap, long long); break;
    }
  }
  va_end(ap);
  return total;
}

static long twice(int count, ...) {
  va_list ap, copy;
  va_start(ap, count);
  va_copy(copy, ap);
  long first = 0, second = 0;
  for (int i = 0; i < count; i++) {
    first += va_arg(ap, long);
  }
  for (int i = 0; i < count; i++) {
    second += va_arg(copy, long) * (i + 1);
  }
  va_end(copy);
  va_end(ap);
  return first * 1000 + second;
}

static int format(char *buf, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, size, fmt, ap);
  va_end(ap);
  return n;
}

static const char *concat(char *out, ...) {
  va_list ap;
  va_start(ap, out);
  char *p = out;
  for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *)) {
    while (*s) {
      *p++ = *s++;
    }
  }
  *p = 0;
  va_end(ap);
  return out;
}

int main(void) {
  printf("mixed %.6f\n", mixed_sum(12, 1, 2.5, 3LL, 4, 5.25, 6LL, 7, 8.125, 9LL, 10, 11.5, 12LL));
  printf("twice %ld\n", twice(10, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
  char buf[64];
  int n = format(buf, sizeof buf, "%s|%5d|%-6.2f|%c|%lx", "va", 42, 3.14159, 'z', 0xabcdefL);
  printf("format %d [%s]\n", n, buf);
  n = format(buf, 8, "%d-%d-%d", 1234, 5678, 9012);
  printf("truncated %d [%s]\n", n, buf);
  char out[64];
  printf("concat [%s]\n", concat(out, "a", "bc", "", "def", "ghij", (const char *)0));
  printf("%d %s %.1f %c %ld %u %hd %g %s %x %e\n", 1, "two", 3.0, '4', 5L, 6u, (short)7, 8.5, "nine", 10, 11.0);
  return 0;
}
