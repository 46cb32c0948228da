// Walks the initial stack (argc at [sp], then the argv pointers) and prints argv[1..argc-1], one per line.
// argv[0] is left out: it is the path the program was started by, which is not the same for QEMU and for a
// translated executable. Exits with argc.

  .text
  .globl _start
  .type _start, %function
_start:
  ldr x19, [sp]               // argc
  add x20, sp, #16            // &argv[1]
  mov x21, #1
1:
  cmp x21, x19
  b.hs 2f
  ldr x0, [x20], #8
  bl print_cstr
  bl print_newline
  add x21, x21, #1
  b 1b
2:
  mov x0, x19
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .include "print.inc"
