/* Locale-free character classes and conversions: ctype over all 256 values, case mapping, atoi/atol, integer to
   string in any base by hand, and a word-frequency count of a text read from standard input. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *to_base(unsigned long long v, int base, char *out) {
  char tmp[72];
  int n = 0;
  do {
    tmp[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % base];
    v /= base;
  } while (v);
  for (int i = 0; i < n; i++) {
    out[i] = tmp[n - 1 - i];
  }
  out[n] = 0;
  return out;
}

struct word {
  char text[32];
  int count;
};

static int by_count(const void *a, const void *b) {
  const struct word *x = a, *y = b;
  return x->count != y->count ? y->count - x->count : strcmp(x->text, y->text);
}

int main(void) {
  int counts[8] = {0};
  for (int c = 0; c < 256; c++) {
    counts[0] += isalpha(c) != 0;
    counts[1] += isdigit(c) != 0;
    counts[2] += isspace(c) != 0;
    counts[3] += ispunct(c) != 0;
    counts[4] += isxdigit(c) != 0;
    counts[5] += isprint(c) != 0;
    counts[6] += iscntrl(c) != 0;
    counts[7] += isupper(c) != 0;
  }
  printf("alpha %d digit %d space %d punct %d xdigit %d print %d cntrl %d upper %d\n", counts[0], counts[1],
         counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
  char mixed[] = "Hello, World! 123 xyz";
  for (char *p = mixed; *p; p++) {
    *p = (char)(isupper((unsigned char)*p) ? tolower((unsigned char)*p) : toupper((unsigned char)*p));
  }
  printf("swapped case: %s\n", mixed);
  printf("atoi %d %d %d atol %ld\n", atoi("  -42abc"), atoi("+7"), atoi("x9"), atol("9000000000"));
  char out[72];
  printf("bases: %s %s %s %s\n", to_base(255, 2, out), to_base(255, 16, out + 20), to_base(123456789, 36, out + 40),
         to_base(0, 7, out + 60));

  struct word words[256];
  int distinct = 0, total = 0;
  char word[32];
  int len = 0, c;
  do {
    c = getchar();
    if (c != EOF && isalpha(c)) {
      if (len < 31) {
        word[len++] = (char)tolower(c);
      }
      continue;
    }
    if (len == 0) {
      continue;
    }
    word[len] = 0;
    len = 0;
    total++;
    int i = 0;
    while (i < distinct && strcmp(words[i].text, word) != 0) {
      i++;
    }
    if (i == distinct && distinct < 256) {
      strcpy(words[distinct].text, word);
      words[distinct++].count = 0;
    }
    if (i < distinct) {
      words[i].count++;
    }
  } while (c != EOF);
  qsort(words, distinct, sizeof words[0], by_count);
  printf("%d words, %d distinct; most frequent:", total, distinct);
  for (int i = 0; i < distinct && i < 5; i++) {
    printf(" %s(%d)", words[i].text, words[i].count);
  }
  printf("\n");
  return 0;
}
