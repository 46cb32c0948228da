// A switch compiled as a jump table: br through absolute case addresses (.quad) in .rodata. Classifies a list of
// numbers, including ones that take the default case, printing "n: word". Exits with the sum of the case values modulo 128.

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x19, inputs
  add x19, x19, :lo12:inputs
  mov x20, #0                 // sum of case values
1:
  ldrsw x21, [x19], #4        // next input; -1 ends the list
  cmn x21, #1
  b.eq 2f
  mov x0, x21
  bl print_dec
  mov x0, #':'
  bl print_char
  mov x0, #' '
  bl print_char
  mov x0, x21
  bl classify
  add x20, x20, x0
  bl print_newline
  b 1b
2:
  and x0, x20, #0x7f
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .type classify, %function
// Prints a word for x0 and returns its case value: n * n + 1 for 0..5, 100 otherwise.
classify:
  stp x29, x30, [sp, #-16]!
  mov x29, sp
  cmp x0, #5
  b.hi .Ldefault
  adrp x1, cases
  add x1, x1, :lo12:cases
  ldr x1, [x1, x0, lsl #3]
  br x1
.Lcase0:
  adrp x0, zero
  add x0, x0, :lo12:zero
  mov x9, #1
  b .Lprint
.Lcase1:
  adrp x0, one
  add x0, x0, :lo12:one
  mov x9, #2
  b .Lprint
.Lcase2:
  adrp x0, two
  add x0, x0, :lo12:two
  mov x9, #5
  b .Lprint
.Lcase3:
  adrp x0, three
  add x0, x0, :lo12:three
  mov x9, #10
  b .Lprint
.Lcase4:
  adrp x0, four
  add x0, x0, :lo12:four
  mov x9, #17
  b .Lprint
.Lcase5:
  adrp x0, five
  add x0, x0, :lo12:five
  mov x9, #26
  b .Lprint
.Ldefault:
  adrp x0, many
  add x0, x0, :lo12:many
  mov x9, #100
.Lprint:
  str x9, [sp, #-16]!
  bl print_cstr
  ldr x0, [sp], #16
  ldp x29, x30, [sp], #16
  ret
  .size classify, .-classify

  .include "print.inc"

  .section .rodata
  .balign 8
cases:
  .quad .Lcase0, .Lcase1, .Lcase2, .Lcase3, .Lcase4, .Lcase5
inputs:
  .word 3, 0, 7, 5, 1, 42, 2, 4, 6, 3, -1
zero:  .asciz "zero"
one:   .asciz "one"
two:   .asciz "two"
three: .asciz "three"
four:  .asciz "four"
five:  .asciz "five"
many:  .asciz "many"
