/* abort(): stdout written before is flushed by hand; the process dies by SIGABRT (status 134). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("about to abort\n");
  fflush(stdout);
  fprintf(stderr, "stderr is unbuffered\n");
  abort();
}
