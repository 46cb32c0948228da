/* A store through a wild pointer: the process dies by SIGSEGV (status 139) after its earlier output. */
#include <stdint.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  printf("writing through a wild pointer\n");
  fflush(stdout);
  volatile uintptr_t address = 0xdead0000u + (uintptr_t)argc * 8;
  *(volatile long *)address = 42;
  printf("not reached\n");
  return 0;
}
