// 256-bit unsigned arithmetic on four 64-bit limbs (little-endian in memory), driven by carry and borrow flags:
// adds/adcs and subs/sbcs chains, mul/umulh between flag-setting instructions, ccmp chains, csel and cset.
// Prints Fibonacci numbers up to the largest that fits in 256 bits, checks F(n+1) - F(n) = F(n-1) modulo 2^256
// on the wrapped sum, prints factorials up to the largest that fits, and compares the two. Exits with a 7-bit
// checksum of both largest values.

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x19, fib_a
  add x19, x19, :lo12:fib_a   // F(n-1)
  adrp x20, fib_b
  add x20, x20, :lo12:fib_b   // F(n)
  adrp x21, fib_c
  add x21, x21, :lo12:fib_c   // F(n+1)
  mov x0, #1
  str x0, [x20]               // F(1) = 1; .bss is zero
  mov x22, #1                 // n

fib_loop:
  mov x0, x21
  mov x1, x19
  mov x2, x20
  bl add256
  cbnz x0, fib_overflow       // carry out of the top limb
  mov x0, x19
  mov x1, x20
  bl copy256
  mov x0, x20
  mov x1, x21
  bl copy256
  add x22, x22, #1
  tst x22, #63
  b.ne fib_loop
  mov x0, x22
  mov x1, x20
  bl print_fib
  b fib_loop

fib_overflow:
  mov x0, x22
  mov x1, x20
  bl print_fib
  adrp x0, msg_f
  add x0, x0, :lo12:msg_f
  bl print_cstr
  add x0, x22, #1
  bl print_dec
  adrp x0, msg_overflows
  add x0, x0, :lo12:msg_overflows
  bl print_cstr

  // The wrapped F(n+1) minus F(n) borrows, and still leaves exactly F(n-1).
  adrp x23, scratch
  add x23, x23, :lo12:scratch
  mov x0, x23
  mov x1, x21
  mov x2, x20
  bl sub256
  mov x24, x0                 // borrow
  mov x0, x23
  mov x1, x19
  bl equal256
  mov x25, x0
  adrp x0, msg_check
  add x0, x0, :lo12:msg_check
  bl print_cstr
  mov x0, x25
  bl print_dec
  adrp x0, msg_borrow
  add x0, x0, :lo12:msg_borrow
  bl print_cstr
  mov x0, x24
  bl print_dec
  bl print_newline

  // Factorials: k! = (k-1)! * k until the product needs a fifth limb.
  adrp x26, fact
  add x26, x26, :lo12:fact
  mov x0, #1
  str x0, [x26]
  mov x27, #1                 // k
fact_loop:
  mov x0, x23
  mov x1, x26
  mov x2, x27
  bl mul256_small
  cbnz x0, fact_overflow
  mov x0, x26
  mov x1, x23
  bl copy256
  cmp x27, #20
  mov x0, #34
  ccmp x27, x0, #4, ne        // k == 20 or k == 34
  b.ne 1f
  mov x0, x27
  mov x1, x26
  bl print_factorial
1:
  add x27, x27, #1
  b fact_loop

fact_overflow:
  sub x0, x27, #1
  mov x1, x26
  bl print_factorial
  mov x0, x27
  bl print_dec
  adrp x0, msg_fact_overflows
  add x0, x0, :lo12:msg_fact_overflows
  bl print_cstr

  // The larger of the two.
  mov x0, x20
  mov x1, x26
  bl less256
  cmp x0, #0
  adrp x1, msg_fib_larger
  add x1, x1, :lo12:msg_fib_larger
  adrp x2, msg_fact_larger
  add x2, x2, :lo12:msg_fact_larger
  csel x0, x1, x2, eq
  bl print_cstr

  // Checksum: xor of all eight limbs, folded to 7 bits.
  ldp x0, x1, [x20]
  ldp x2, x3, [x20, #16]
  eor x0, x0, x1
  eor x2, x2, x3
  eor x0, x0, x2
  ldp x1, x2, [x26]
  ldp x3, x4, [x26, #16]
  eor x1, x1, x2
  eon x3, x3, x4
  mvn x3, x3                  // eon then mvn: x3 ^ x4
  eor x0, x0, x1
  eor x0, x0, x3
  eor x0, x0, x0, lsr #32
  eor x0, x0, x0, lsr #16
  eor x0, x0, x0, lsr #8
  and x0, x0, #0x7f
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .type add256, %function
// [x0] = [x1] + [x2]; returns the carry out.
add256:
  ldp x3, x4, [x1]
  ldp x5, x6, [x2]
  adds x3, x3, x5
  adcs x4, x4, x6
  stp x3, x4, [x0]
  ldp x3, x4, [x1, #16]       // loads and stores leave the carry alone
  ldp x5, x6, [x2, #16]
  adcs x3, x3, x5
  adcs x4, x4, x6
  stp x3, x4, [x0, #16]
  cset x0, cs
  ret
  .size add256, .-add256

  .type sub256, %function
// [x0] = [x1] - [x2]; returns the borrow out.
sub256:
  ldp x3, x4, [x1]
  ldp x5, x6, [x2]
  subs x3, x3, x5
  sbcs x4, x4, x6
  stp x3, x4, [x0]
  ldp x3, x4, [x1, #16]
  ldp x5, x6, [x2, #16]
  sbcs x3, x3, x5
  sbcs x4, x4, x6
  stp x3, x4, [x0, #16]
  cset x0, cc                 // AArch64 carry is "no borrow"
  ret
  .size sub256, .-sub256

  .type equal256, %function
// Returns 1 if [x0] == [x1], else 0.
equal256:
  ldp x2, x3, [x0]
  ldp x4, x5, [x1]
  cmp x2, x4
  ccmp x3, x5, #0, eq
  ldp x2, x3, [x0, #16]
  ldp x4, x5, [x1, #16]
  ccmp x2, x4, #0, eq
  ccmp x3, x5, #0, eq
  cset x0, eq
  ret
  .size equal256, .-equal256

  .type less256, %function
// Returns 1 if [x0] < [x1] (unsigned), else 0.
less256:
  ldp x2, x3, [x0]
  ldp x4, x5, [x1]
  cmp x2, x4
  sbcs xzr, x3, x5
  ldp x2, x3, [x0, #16]
  ldp x4, x5, [x1, #16]
  sbcs xzr, x2, x4
  sbcs xzr, x3, x5
  cset x0, lo
  ret
  .size less256, .-less256

  .type mul256_small, %function
// [x0] = [x1] * x2 modulo 2^256; returns the limb that did not fit.
mul256_small:
  ldp x3, x4, [x1]
  ldp x5, x6, [x1, #16]
  mul x7, x3, x2
  umulh x9, x3, x2
  mul x10, x4, x2
  umulh x11, x4, x2
  adds x10, x10, x9
  mul x12, x5, x2             // multiplies leave the carry alone
  umulh x13, x5, x2
  adcs x12, x12, x11
  mul x14, x6, x2
  umulh x15, x6, x2
  adcs x14, x14, x13
  adc x15, x15, xzr
  stp x7, x10, [x0]
  stp x12, x14, [x0, #16]
  mov x0, x15
  ret
  .size mul256_small, .-mul256_small

  .type copy256, %function
// [x0] = [x1]
copy256:
  ldp x2, x3, [x1]
  ldp x4, x5, [x1, #16]
  stp x2, x3, [x0]
  stp x4, x5, [x0, #16]
  ret
  .size copy256, .-copy256

  .type print256, %function
// Prints [x0] as 0x followed by 64 hex digits.
print256:
  stp x29, x30, [sp, #-32]!
  mov x29, sp
  stp x19, x20, [sp, #16]
  mov x19, x0
  mov x0, #'0'
  bl print_char
  mov x0, #'x'
  bl print_char
  mov x20, #24                // byte offset of the top limb
1:
  ldr x0, [x19, x20]
  bl print_hex16
  subs x20, x20, #8
  b.pl 1b
  ldp x19, x20, [sp, #16]
  ldp x29, x30, [sp], #32
  ret
  .size print256, .-print256

  .type print_fib, %function
// Prints "F(x0) = [x1]".
print_fib:
  stp x29, x30, [sp, #-32]!
  mov x29, sp
  stp x19, x20, [sp, #16]
  mov x19, x0
  mov x20, x1
  adrp x0, msg_f
  add x0, x0, :lo12:msg_f
  bl print_cstr
  mov x0, x19
  bl print_dec
  adrp x0, msg_equals
  add x0, x0, :lo12:msg_equals
  bl print_cstr
  mov x0, x20
  bl print256
  bl print_newline
  ldp x19, x20, [sp, #16]
  ldp x29, x30, [sp], #32
  ret
  .size print_fib, .-print_fib

  .type print_factorial, %function
// Prints "x0! = [x1]".
print_factorial:
  stp x29, x30, [sp, #-32]!
  mov x29, sp
  stp x19, x20, [sp, #16]
  mov x19, x0
  mov x20, x1
  mov x0, x19
  bl print_dec
  adrp x0, msg_fact_equals
  add x0, x0, :lo12:msg_fact_equals
  bl print_cstr
  mov x0, x20
  bl print256
  bl print_newline
  ldp x19, x20, [sp, #16]
  ldp x29, x30, [sp], #32
  ret
  .size print_factorial, .-print_factorial

  .include "print.inc"

  .section .rodata
msg_f:              .asciz "F("
msg_equals:         .asciz ") = "
msg_overflows:      .asciz ") overflows 256 bits\n"
msg_check:          .asciz "F(n+1) - F(n) == F(n-1) mod 2^256: "
msg_borrow:         .asciz ", borrow: "
msg_fact_equals:    .asciz "! = "
msg_fact_overflows: .asciz "! overflows 256 bits\n"
msg_fib_larger:     .asciz "the largest Fibonacci number is larger\n"
msg_fact_larger:    .asciz "the largest factorial is larger\n"

  .bss
  .balign 16
fib_a:   .space 32
fib_b:   .space 32
fib_c:   .space 32
scratch: .space 32
fact:    .space 32
