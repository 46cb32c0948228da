/* Process entry on an x86_64 Linux host: no libc, so the kernel's initial stack is read directly. */
#include "common/runtime.h"

/* The kernel enters with argc at (%rsp), followed by argv[], NULL and envp[]. The System V ABI wants %rsp
 * 16-byte aligned at the call; %rbp = 0 ends the frame chain for debuggers. */
__attribute__((naked, noreturn)) void _start(void) {
  __asm__("xor %ebp, %ebp\n\t"
          "mov (%rsp), %edi\n\t"
          "lea 8(%rsp), %rsi\n\t"
          "lea 16(%rsp,%rdi,8), %rdx\n\t"
          "and $-16, %rsp\n\t"
          "call elfconv_main\n\t"
          "ud2");
}
