/* Raw x86_64 Linux system calls for the runtime's x86_64 files. */
#ifndef ELFCONV_HOSTCALL_H
#define ELFCONV_HOSTCALL_H

#include "common/runtime.h"

static inline int64_t host_syscall(int64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                            uint64_t a5) {
  register uint64_t r10 __asm__("r10") = a3;
  register uint64_t r8 __asm__("r8") = a4;
  register uint64_t r9 __asm__("r9") = a5;
  int64_t result;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return result;
}

#endif
