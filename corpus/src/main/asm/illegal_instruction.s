// Writes a line, then executes a word no A64 encoding claims: the CPU raises SIGILL (status 132), and so must
// the translations. The word sits in the middle of reachable code, not in data.

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x0, message
  add x0, x0, :lo12:message
  bl print_cstr
  .inst 0xffffffff
  mov x0, #0
  mov x8, #94                 // exit_group: never reached
  svc #0
  .size _start, .-_start

  .include "print.inc"

  .section .rodata
message: .asciz "about to execute an unallocated encoding\n"
