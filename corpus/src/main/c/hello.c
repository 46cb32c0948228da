/* Hello world through glibc's stdio: the translation-time benchmark (a static glibc program of about 700 KB). */
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
