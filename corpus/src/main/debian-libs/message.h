/* The message both drivers work on: standard input's lines, numbered and repeated to a given size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* argv[1] bytes of standard input's lines, numbered and repeated. */
static unsigned char *message(size_t size) {
  char text[4096];
  size_t t = fread(text, 1, sizeof text - 1, stdin);
  text[t] = 0;
  unsigned char *m = malloc(size + 64);
  size_t n = 0;
  for (unsigned line = 0; n < size; line++) {
    const char *s = text;
    for (unsigned k = 0; k < line % 4 && strchr(s, '\n'); k++) s = strchr(s, '\n') + 1;
    n += (size_t)snprintf((char *)m + n, 64, "%u: %.40s\n", line * line % 9973, s);
  }
  return m;
}
