// The prime calculator of the original elfconv talk, in assembly: counts the primes below N (argv[1], decimal)
// by trial division with udiv/msub, prints the count and the largest prime found. A compute-bound loop: the
// corpus program that shows translation speed against QEMU.

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
  mov x20, #0                 // primes found
  mov x21, #0                 // largest prime
  mov x22, #2                 // candidate
1:
  cmp x22, x19
  b.hs 4f
  mov x23, #2                 // divisor
2:
  mul x24, x23, x23
  cmp x24, x22
  b.hi 3f                     // divisor^2 > candidate: prime
  udiv x25, x22, x23
  msub x26, x25, x23, x22     // candidate mod divisor
  cbz x26, 5f                 // divisible: not prime
  add x23, x23, #1
  b 2b
3:
  add x20, x20, #1
  mov x21, x22
5:
  add x22, x22, #1
  b 1b
4:
  adrp x0, count_text
  add x0, x0, :lo12:count_text
  bl print_cstr
  mov x0, x20
  bl print_dec
  adrp x0, largest_text
  add x0, x0, :lo12:largest_text
  bl print_cstr
  mov x0, x21
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
count_text:   .asciz "primes below N: "
largest_text: .asciz ", largest: "
usage_text:   .asciz "usage: primes N\n"
