/* argv and envp as the kernel lays them out, and a non-zero exit status: the status is 40 + argc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv, char **envp) {
  printf("argc %d\n", argc);
  for (int i = 1; i < argc; i++) {
    printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
  }
  printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "set");
  printf("envp follows argv: %s\n", envp == argv + argc + 1 ? "yes" : "no");
  printf("argv strings are contiguous: %s\n", argc < 2 || argv[1] == argv[0] + strlen(argv[0]) + 1 ? "yes" : "no");
  printf("getenv of an unset name: %s\n", getenv("ELFCONV_CORPUS_SURELY_UNSET") ? "set" : "unset");
  int variables = 0;
  for (char **e = envp; *e; e++) {
    variables += strchr(*e, '=') != NULL;
  }
  printf("every environment entry has '=': %s\n", variables > 0 && envp[variables] == NULL ? "yes" : "no");
  fflush(stdout);
  exit(40 + argc);
}
