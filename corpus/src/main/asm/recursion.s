// Recursive Fibonacci and Ackermann through bl/ret with stack frames.
// Prints fib(0), fib(5), ..., fib(20) and three Ackermann values; exits with ackermann(3, 3) = 61.

  .text
  .globl _start
  .type _start, %function
_start:
  mov x19, #0                 // n
1:
  adrp x0, fib_open
  add x0, x0, :lo12:fib_open
  bl print_cstr
  mov x0, x19
  bl print_dec
  adrp x0, equals
  add x0, x0, :lo12:equals
  bl print_cstr
  mov x0, x19
  bl fib
  bl print_dec
  bl print_newline
  add x19, x19, #5
  cmp x19, #20
  b.ls 1b

  mov x0, #2
  mov x1, #3
  bl print_ackermann
  mov x0, #3
  mov x1, #3
  bl print_ackermann
  mov x0, #3
  mov x1, #4
  bl print_ackermann

  mov x0, #3
  mov x1, #3
  bl ackermann
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .type fib, %function
// x0 = fib(x0), by naive double recursion.
fib:
  cmp x0, #2
  b.lo 1f                     // fib(0) = 0, fib(1) = 1
  stp x29, x30, [sp, #-32]!
  mov x29, sp
  str x19, [sp, #16]
  mov x19, x0
  sub x0, x0, #1
  bl fib
  str x0, [sp, #24]           // fib(n - 1)
  sub x0, x19, #2
  bl fib
  ldr x1, [sp, #24]
  add x0, x0, x1
  ldr x19, [sp, #16]
  ldp x29, x30, [sp], #32
1:
  ret
  .size fib, .-fib

  .type ackermann, %function
// x0 = A(x0, x1): A(0, n) = n + 1, A(m, 0) = A(m - 1, 1), A(m, n) = A(m - 1, A(m, n - 1)).
ackermann:
  cbnz x0, 1f
  add x0, x1, #1
  ret
1:
  stp x29, x30, [sp, #-32]!
  mov x29, sp
  str x19, [sp, #16]
  mov x19, x0                 // m
  cbnz x1, 2f
  sub x0, x19, #1
  mov x1, #1
  bl ackermann
  b 3f
2:
  sub x1, x1, #1
  bl ackermann                // A(m, n - 1); x0 still holds m
  mov x1, x0
  sub x0, x19, #1
  bl ackermann
3:
  ldr x19, [sp, #16]
  ldp x29, x30, [sp], #32
  ret
  .size ackermann, .-ackermann

  .type print_ackermann, %function
// Prints "ackermann(m, n) = A(m, n)" for m = x0, n = x1.
print_ackermann:
  stp x29, x30, [sp, #-48]!
  mov x29, sp
  stp x19, x20, [sp, #16]
  mov x19, x0
  mov x20, x1
  adrp x0, ack_open
  add x0, x0, :lo12:ack_open
  bl print_cstr
  mov x0, x19
  bl print_dec
  adrp x0, comma
  add x0, x0, :lo12:comma
  bl print_cstr
  mov x0, x20
  bl print_dec
  adrp x0, equals
  add x0, x0, :lo12:equals
  bl print_cstr
  mov x0, x19
  mov x1, x20
  bl ackermann
  bl print_dec
  bl print_newline
  ldp x19, x20, [sp, #16]
  ldp x29, x30, [sp], #48
  ret
  .size print_ackermann, .-print_ackermann

  .include "print.inc"

  .section .rodata
fib_open: .asciz "fib("
ack_open: .asciz "ackermann("
comma:    .asciz ", "
equals:   .asciz ") = "
