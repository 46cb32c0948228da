// Writes a line, then executes BRK: Linux ends the process with SIGTRAP (status 133), and so must the
// translations.

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x0, message
  add x0, x0, :lo12:message
  bl print_cstr
  brk #0x3e8
  .size _start, .-_start

  .include "print.inc"

  .section .rodata
message: .asciz "about to hit a breakpoint\n"
