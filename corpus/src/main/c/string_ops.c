/* string.h: lengths, copies, comparisons, searches and tokenising, on buffers of every alignment and length
   around the 16-byte boundaries glibc's vectorised routines care about. */
#include <stdio.h>
#include <string.h>

static unsigned checksum(const unsigned char *p, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h = (h ^ p[i]) * 16777619u;
  }
  return h;
}

int main(void) {
  char buf[256];
  char other[256];
  /* strlen of every length 0..40 at every offset 0..15: sum must be 16 * (0 + ... + 40) = 16 * 820 = 13120. */
  size_t total = 0;
  for (int off = 0; off < 16; off++) {
    for (int len = 0; len <= 40; len++) {
      memset(buf, 'x', sizeof buf);
      buf[off + len] = 0;
      total += strlen(buf + off);
    }
  }
  printf("strlen total %zu\n", total);

  /* memcpy / memmove overlapping both ways. */
  for (int i = 0; i < 64; i++) {
    buf[i] = (char)('A' + i % 26);
  }
  memmove(buf + 3, buf, 20);
  buf[23] = 0;
  printf("memmove up   %s\n", buf);
  for (int i = 0; i < 64; i++) {
    buf[i] = (char)('a' + i % 26);
  }
  memmove(buf, buf + 5, 20);
  buf[20] = 0;
  printf("memmove down %s\n", buf);

  /* strcmp/strncmp/memcmp signs. */
  printf("strcmp %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("abd", "abc") > 0, strcmp("same", "same") == 0);
  printf("strncmp %d %d\n", strncmp("prefix-one", "prefix-two", 7) == 0, strncmp("ab", "abc", 3) < 0);
  printf("memcmp high byte %d\n", memcmp("\x80", "\x7f", 1) > 0);

  /* strchr/strrchr/strstr/memchr. */
  const char *text = "the quick brown fox jumps over the lazy dog";
  printf("strchr q at %td, strrchr t at %td\n", strchr(text, 'q') - text, strrchr(text, 't') - text);
  printf("strstr lazy at %td, missing %s\n", strstr(text, "lazy") - text, strstr(text, "cat") ? "found" : "null");
  printf("memchr z at %td\n", (const char *)memchr(text, 'z', strlen(text)) - text);
  printf("strspn %zu strcspn %zu\n", strspn("aaabbbccc", "ab"), strcspn("hello, world", ",;"));

  /* strcpy/strcat/strncpy padding. */
  strcpy(other, "alpha");
  strcat(other, "-beta");
  char suffix[] = "-gammadelta";
  suffix[6] = 0;
  strncat(other, suffix, 10);
  printf("concat %s (%zu)\n", other, strlen(other));
  memset(buf, '#', 16);
  strncpy(buf, "abc", 8);
  printf("strncpy pads %d %d %d %c\n", buf[3] == 0, buf[7] == 0, buf[8] == '#', buf[2]);

  /* strtok. */
  char list[] = "  one, two,,three ;four ";
  int count = 0;
  for (char *t = strtok(list, " ,;"); t; t = strtok(NULL, " ,;")) {
    printf("token %d: %s\n", ++count, t);
  }

  /* memset and a checksum over a long buffer at odd offsets. */
  unsigned char big[1000];
  for (int i = 0; i < 1000; i++) {
    big[i] = (unsigned char)(i * 7 + 3);
  }
  memset(big + 13, 0xEE, 301);
  memcpy(big + 500, big + 1, 333);
  int ee = 0;
  for (int i = 0; i < 1000; i++) {
    ee += big[i] == 0xEE;
  }
  printf("bytes 0xEE %d, first %u %u %u, checksum %08x\n", ee, big[12], big[13], big[314], checksum(big, 1000));
  return 0;
}
