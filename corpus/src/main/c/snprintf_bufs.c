/* snprintf into buffers: the return value is the untruncated length, the output is always terminated, size 0
   writes nothing; building a table line by line into one buffer; %n and positional arguments. */
#include <stdio.h>
#include <string.h>

int main(void) {
  char buf[16];
  const char *volatile word = "elfconv"; /* its length unknown to the compiler, which would warn of truncation */
  for (size_t size = 0; size <= 12; size += 3) {
    memset(buf, '*', sizeof buf);
    int n = snprintf(buf, size, "%s-%d", word, 2024);
    printf("size %2zu: returned %d, buffer [%.15s]\n", size, n, buf);
  }
  char table[512];
  size_t used = 0;
  const char *names[] = {"alpha", "beta", "gamma", "delta"};
  for (int i = 0; i < 4; i++) {
    used += (size_t)snprintf(table + used, sizeof table - used, "|%-6s|%6.2f|%04x|\n", names[i], i * 1.25 - 1,
                             (unsigned)(i * 4097));
  }
  printf("%zu bytes:\n%s", used, table);
  int before, after;
  snprintf(buf, sizeof buf, "ab%ncdef%n", &before, &after);
  printf("%%n counted %d and %d\n", before, after);
  snprintf(buf, sizeof buf, "%2$s %1$s", "world", "hello");
  printf("positional [%s]\n", buf);
  char wide[64];
  int n = snprintf(wide, sizeof wide, "%*d|%-*d|%.*f", 8, 42, 5, 7, 3, 2.0 / 3.0);
  printf("star widths %d [%s]\n", n, wide);
  n = snprintf(NULL, 0, "%0100d", 5);
  printf("length of a 100-digit field: %d\n", n);
  return 0;
}
