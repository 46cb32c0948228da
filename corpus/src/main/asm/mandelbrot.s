// Mandelbrot set in double precision on an N x N grid (N = argv[1]) over [-2, 1] x [-1.5, 1.5], at most 200
// iterations a point, the step of z = z^2 + c with a fused multiply-add. Prints the points inside, the total
// iteration count, and the bits of the sum of every point's last z.re: any difference in one rounding shows.
// The corpus program that shows the speed of translated FP code against QEMU.

  .text
  .globl _start
  .type _start, %function
_start:
  ldr x0, [sp]                // argc
  cmp x0, #2
  b.lt usage
  ldr x0, [sp, #16]           // argv[1]
  bl parse_dec
  mov x19, x0                 // N
  scvtf d8, x19
  fmov d9, #3.0
  fdiv d9, d9, d8             // step = 3 / N
  fmov d10, #-2.0             // left edge
  fmov d11, #-1.5             // bottom edge
  fmov d12, #4.0              // escape when |z|^2 > 4
  fmov d13, xzr               // sum of the last z.re
  mov x20, #0                 // points inside
  mov x21, #0                 // iterations
  mov x22, #0                 // row
1:
  cmp x22, x19
  b.hs 6f
  scvtf d1, x22
  fmadd d1, d1, d9, d11       // c.im
  mov x23, #0                 // column
2:
  cmp x23, x19
  b.hs 5f
  ucvtf d0, x23
  fmadd d0, d0, d9, d10       // c.re
  fmov d2, xzr                // z.re
  fmov d3, xzr                // z.im
  mov x24, #0
3:
  fmul d4, d2, d2
  fmul d5, d3, d3
  fadd d6, d4, d5
  fcmp d6, d12
  b.gt 4f
  cmp x24, #200
  b.hs 7f
  fadd d7, d2, d2
  fmadd d3, d7, d3, d1        // z.im = 2 z.re z.im + c.im
  fsub d4, d4, d5
  fadd d2, d4, d0             // z.re = z.re^2 - z.im^2 + c.re
  add x24, x24, #1
  b 3b
7:
  add x20, x20, #1
4:
  add x21, x21, x24
  fadd d13, d13, d2
  add x23, x23, #1
  b 2b
5:
  add x22, x22, #1
  b 1b
6:
  adrp x0, inside_text
  add x0, x0, :lo12:inside_text
  bl print_cstr
  mov x0, x20
  bl print_dec
  adrp x0, iterations_text
  add x0, x0, :lo12:iterations_text
  bl print_cstr
  mov x0, x21
  bl print_dec
  adrp x0, sum_text
  add x0, x0, :lo12:sum_text
  bl print_cstr
  fmov x0, d13
  bl print_dec
  bl print_newline
  mov x0, #0
  mov x8, #94                 // exit_group
  svc #0
usage:
  adrp x0, usage_text
  add x0, x0, :lo12:usage_text
  bl print_cstr
  mov x0, #2
  mov x8, #94
  svc #0
  .size _start, .-_start

  .type parse_dec, %function
// Returns the value of the decimal digits of the NUL-terminated string at x0.
parse_dec:
  mov x1, x0
  mov x0, #0
  mov x3, #10
1:
  ldrb w2, [x1], #1
  sub w2, w2, #'0'
  cmp w2, #9
  b.hi 2f
  madd x0, x0, x3, x2
  b 1b
2:
  ret
  .size parse_dec, .-parse_dec

  .include "print.inc"

  .section .rodata
inside_text:     .asciz "inside: "
iterations_text: .asciz ", iterations: "
sum_text:        .asciz ", bits of the sum of the last z.re: "
usage_text:      .asciz "usage: mandelbrot N\n"
