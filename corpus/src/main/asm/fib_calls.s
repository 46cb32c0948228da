// Naive recursive Fibonacci, fib(32): about seven million guest calls and returns. The corpus program that
// shows the cost of guest calls (every one is a host call with a return-address check) against QEMU.

  .text
  .globl _start
  .type _start, %function
_start:
  mov x0, #32
  bl fib
  mov x19, x0
  adrp x0, result
  add x0, x0, :lo12:result
  bl print_cstr
  mov x0, x19
  bl print_dec
  bl print_newline
  mov x0, #0
  mov x8, #94                   // exit_group
  svc #0
  .size _start, .-_start

  .type fib, %function
// x0 = fib(x0), with a frame and a callee-saved register as a compiler would use them.
fib:
  stp x29, x30, [sp, #-32]!
  mov x29, sp
  str x19, [sp, #16]
  mov x19, x0
  cmp x0, #2
  b.lo 1f
  sub x0, x19, #1
  bl fib
  mov x1, x0
  sub x0, x19, #2
  mov x19, x1
  bl fib
  add x0, x0, x19
1:
  ldr x19, [sp, #16]
  ldp x29, x30, [sp], #32
  ret
  .size fib, .-fib

  .include "print.inc"

  .section .rodata
result: .asciz "fib(32) = "
