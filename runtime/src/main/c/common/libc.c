/* The freestanding runtime has no libc. clang emits calls to mem* for struct copies, zero-initialisation and
 * recognised loops, so they must exist. no_builtin keeps the optimiser from turning these very loops back into
 * calls to themselves. */
#include "runtime.h"

__attribute__((no_builtin)) void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

__attribute__((no_builtin)) void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

__attribute__((no_builtin)) void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  while (n--) *d++ = (unsigned char)c;
  return dst;
}

__attribute__((no_builtin)) int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n; n--, x++, y++) {
    if (*x != *y) return *x - *y;
  }
  return 0;
}

/* What LLVM turns a memcmp compared only with zero into. */
__attribute__((no_builtin)) int bcmp(const void *a, const void *b, size_t n) {
  return memcmp(a, b, n);
}

__attribute__((no_builtin)) size_t strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

bool has_prefix(const char *s, const char *prefix) {
  while (*prefix) {
    if (*s++ != *prefix++) return false;
  }
  return true;
}
