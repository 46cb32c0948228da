// Reads standard input to the end in small reads and writes it back with every lower-case ASCII letter turned
// upper-case; exits with the number of bytes read, modulo 256. Its NAME.properties gives it a file as stdin, so
// QEMU and both translations must see the same bytes.

  .text
  .globl _start
  .type _start, %function
_start:
  mov x19, #0                 // bytes read so far
1:
  mov x0, #0                  // stdin
  adrp x1, buffer
  add x1, x1, :lo12:buffer
  mov x2, #7                  // short reads: the input arrives in several pieces
  mov x8, #63                 // read
  svc #0
  cmp x0, #0
  b.le 4f
  add x19, x19, x0
  mov x2, x0                  // length to write back
  adrp x1, buffer
  add x1, x1, :lo12:buffer
  mov x3, #0
2:
  ldrb w4, [x1, x3]
  sub w5, w4, #'a'
  cmp w5, #25
  b.hi 3f
  sub w4, w4, #32
  strb w4, [x1, x3]
3:
  add x3, x3, #1
  cmp x3, x2
  b.lo 2b
  mov x0, #1                  // stdout
  mov x8, #64                 // write
  svc #0
  b 1b
4:
  and x0, x19, #0xff
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .bss
buffer:
  .skip 16
