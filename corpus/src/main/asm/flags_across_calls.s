// Hand-written code that passes NZCV between functions, which compilers never do: a callee reads the flags its
// caller set, and a caller branches on flags its callee set. The translations must keep flags exact across
// calls and returns here (and only in such programs pay for it).

  .text
  .globl _start
  .type _start, %function
_start:
  mov x19, #0                   // checksum
  mov x20, #-3                  // i
1:
  cmp x20, #0                   // flags for the callee
  bl classify                   // x0 = 1 if lt, 2 if eq, 3 if gt
  add x19, x19, x0
  mov x0, x20
  bl is_odd                     // returns with Z clear iff x0 is odd
  b.eq 2f
  add x19, x19, #10
2:
  add x20, x20, #1
  cmp x20, #4
  b.lt 1b
  adrp x0, text
  add x0, x0, :lo12:text
  bl print_cstr
  mov x0, x19
  bl print_dec
  bl print_newline
  mov x0, x19
  mov x8, #94                   // exit_group
  svc #0
  .size _start, .-_start

  .type classify, %function
// Reads the caller's flags: 1 for lt, 2 for eq, 3 for gt.
classify:
  mov x0, #2
  b.eq 1f
  mov x0, #1
  b.lt 1f
  mov x0, #3
1:
  ret
  .size classify, .-classify

  .type is_odd, %function
// Sets Z from the low bit of x0 for the caller.
is_odd:
  tst x0, #1
  ret
  .size is_odd, .-is_odd

  .include "print.inc"

  .section .rodata
text: .asciz "flags across calls checksum: "
