/* envp, entry by entry, in its order: glibc's start-up walks it (tunables), so order is part of what a program
 * is given. */
#include "sys.h"

int main(u64 *sp) {
  char **envp = (char **)(sp + 1 + sp[0] + 1);
  for (; *envp; envp++) {
    put(*envp);
    put("\n");
  }
  return 0;
}
