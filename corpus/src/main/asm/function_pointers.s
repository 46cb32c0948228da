// Calls every function of a table of function pointers in .data through blr, on the same input, and prints
// "name(27) = result". Exits with the sum of the results modulo 128.

  .set OPERATION_COUNT, 5

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x19, operations
  add x19, x19, :lo12:operations
  mov x20, #0                 // index
  mov x21, #0                 // sum of results
1:
  lsl x0, x20, #4
  add x22, x19, x0            // entry: function, name
  ldr x0, [x22, #8]
  bl print_cstr
  adrp x0, input_open
  add x0, x0, :lo12:input_open
  bl print_cstr
  ldr x9, [x22]
  mov x0, #27
  blr x9
  add x21, x21, x0
  bl print_dec
  bl print_newline
  add x20, x20, #1
  cmp x20, #OPERATION_COUNT
  b.ne 1b

  and x0, x21, #0x7f
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .type square, %function
square:
  mul x0, x0, x0
  ret
  .size square, .-square

  .type triangle, %function
// 1 + 2 + ... + x0
triangle:
  madd x1, x0, x0, x0         // n * n + n
  lsr x0, x1, #1
  ret
  .size triangle, .-triangle

  .type bit_length, %function
bit_length:
  clz x1, x0
  mov x0, #64
  sub x0, x0, x1
  ret
  .size bit_length, .-bit_length

  .type reverse_byte, %function
// The low byte of x0 with its bits reversed.
reverse_byte:
  rbit x0, x0
  lsr x0, x0, #56
  ret
  .size reverse_byte, .-reverse_byte

  .type collatz_steps, %function
// Steps of n -> n / 2 (even), 3n + 1 (odd) until 1.
collatz_steps:
  mov x1, #0
1:
  cmp x0, #1
  b.eq 2f
  tst x0, #1
  add x2, x0, x0, lsl #1
  add x2, x2, #1              // 3n + 1
  lsr x3, x0, #1              // n / 2
  csel x0, x3, x2, eq
  add x1, x1, #1
  b 1b
2:
  mov x0, x1
  ret
  .size collatz_steps, .-collatz_steps

  .include "print.inc"

  .data
  .balign 8
operations:
  .quad square, name_square
  .quad triangle, name_triangle
  .quad bit_length, name_bit_length
  .quad reverse_byte, name_reverse_byte
  .quad collatz_steps, name_collatz_steps

  .section .rodata
name_square:        .asciz "square"
name_triangle:      .asciz "triangle"
name_bit_length:    .asciz "bit_length"
name_reverse_byte:  .asciz "reverse_byte"
name_collatz_steps: .asciz "collatz_steps"
input_open:         .asciz "(27) = "
