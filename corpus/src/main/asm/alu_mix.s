// Every integer family of the decode table on edge-value operand pairs: each result (and, for flag-setting
// forms, NZCV) is printed in hex, so any difference from QEMU in any family shows in stdout.

// Runs one instruction sequence and prints x0 as 16 hex digits and a space.
.macro show insn:vararg
  \insn
  bl print_word
.endm

// Runs a flag-setting instruction (result in x0), prints x0, then NZCV.
.macro flags insn:vararg
  \insn
  bl print_word
  mrs x0, nzcv
  bl print_word
.endm

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x21, pairs
  add x21, x21, :lo12:pairs
  adrp x22, scratch
  add x22, x22, :lo12:scratch
  mov x23, #0                   // pair index
next_pair:
  ldp x19, x20, [x21], #16

  // add/sub: shifted, immediate, extended, with carry
  flags adds x0, x19, x20
  flags subs w0, w19, w20
  show  add x0, x19, x20, lsl #7
  show  sub x0, x19, x20, asr #13
  flags adds w0, w19, w20, lsr #3
  flags negs x0, x20
  flags adds x0, x19, #0xfff
  flags subs w0, w19, #1, lsl #12
  flags cmn w19, #5
  show  add x0, x19, w20, sxtb #2
  flags subs x0, x19, w20, uxth
  show  sub w0, w19, w20, sxth #1
  show  add x0, x19, x20, sxtx #3
  flags cmp x19, x20
  flags adcs x0, x19, x20
  flags sbcs w0, w19, w20
  show  ngc x0, x20
  show  adc w0, w20, w19

  // logical
  show  and x0, x19, #0xff00ff00ff00ff00
  show  orr w0, w19, #0x7
  show  eor x0, x19, #0x5555555555555555
  flags ands x0, x19, #0xf0
  show  bic x0, x19, x20, ror #9
  show  orn w0, w19, w20, lsl #3
  show  eon x0, x19, x20
  flags bics w0, w19, w20, asr #31
  flags tst x19, x20
  show  mvn w0, w20

  // move wide
  show  mov x0, x19
  show  movk x0, #0xbeef, lsl #32
  show  movk w0, #0x1234
  show  mov x0, #-2
  show  mov w0, #0xffff0000

  // bitfield and extract
  show  ubfx x0, x19, #5, #17
  show  sbfx w0, w19, #3, #9
  show  sbfiz x0, x19, #13, #7
  show  ubfiz w0, w19, #30, #2
  show  mov x0, x20
  show  bfi x0, x19, #8, #12
  show  bfxil w0, w19, #4, #20
  show  asr x0, x19, #63
  show  lsl w0, w19, #31
  show  lsr x0, x19, #1
  show  sxtb x0, w19
  show  sxth w0, w19
  show  sxtw x0, w19
  show  uxtb w0, w19
  show  uxth w0, w19
  show  extr x0, x19, x20, #17
  show  extr w0, w19, w20, #5
  show  ror x0, x19, #7

  // conditional select and compare (flags from cmp x19, x20 each time)
  cmp x19, x20
  show  csel x0, x19, x20, lt
  cmp x19, x20
  show  csinc w0, w19, w20, hi
  cmp x19, x20
  show  csinv x0, x19, x20, eq
  cmp x19, x20
  show  csneg x0, x19, x20, vs
  cmp x19, x20
  show  cset x0, ge
  cmp w19, w20
  show  cneg w0, w19, mi
  cmp x19, x20
  flags ccmp x19, #5, #0b1010, ne
  cmp w19, w20
  flags ccmn w19, w20, #3, ge
  cmp x20, x19
  flags ccmp x20, x19, #0b0110, ls

  // multiply and divide
  show  mul x0, x19, x20
  show  madd w0, w19, w20, w19
  show  msub x0, x19, x20, x20
  show  smull x0, w19, w20
  show  umull x0, w19, w20
  show  smaddl x0, w19, w20, x19
  show  umsubl x0, w19, w20, x20
  show  smulh x0, x19, x20
  show  umulh x0, x19, x20
  show  udiv x0, x19, x20
  show  sdiv x0, x19, x20
  show  sdiv w0, w19, w20
  show  udiv w0, w19, w20
  show  sdiv x0, x19, x19

  // variable shifts
  show  lsl x0, x19, x20
  show  lsr w0, w19, w20
  show  asr x0, x19, x20
  show  ror w0, w19, w20

  // count and reverse
  show  clz x0, x19
  show  clz w0, w19
  show  cls x0, x19
  show  cls w0, w20
  show  rbit x0, x19
  show  rbit w0, w19
  show  rev x0, x19
  show  rev w0, w19
  show  rev16 x0, x19
  show  rev32 x0, x19
  show  rev16 w0, w20

  // loads and stores of every size, sign extension and addressing mode
  str x19, [x22]
  str x20, [x22, #8]
  show  ldrsb x0, [x22, #1]
  show  ldrsh w0, [x22, #2]
  show  ldrsw x0, [x22, #4]
  show  ldrh w0, [x22, #6]
  strb w20, [x22, #3]
  show  ldr x0, [x22]
  stur w20, [x22, #9]
  show  ldur x0, [x22, #8]
  mov x9, #2
  show  ldrh w0, [x22, x9, lsl #1]
  show  ldrb w0, [x22, w9, uxtw]
  show  ldrsw x0, [x22, w9, sxtw #2]
  show  ldrsb w0, [x22, x9]
  mov x10, x22
  show  ldr x0, [x10, #8]!
  show  sub x0, x10, x22
  show  ldr w0, [x10], #-4
  show  sub x0, x10, x22
  strh w19, [x10, #-2]!
  show  ldr x0, [x22]
  stp x20, x19, [x22, #16]
  ldp x0, x1, [x22, #16]
  show  eor x0, x0, x1
  stp w19, w20, [x22, #32]!
  sub x22, x22, #32
  show  ldr x0, [x22, #32]
  ldpsw x0, x1, [x22, #32]
  show  add x0, x0, x1
  ldp w0, w1, [x22], #8
  sub x22, x22, #8
  show  orr x0, x0, x1, lsl #32
  show  ldr x0, literal
  show  ldrsw x0, literal

  // test and compare branches
  mov x0, #0
  tbz x19, #63, 1f
  mov x0, #1
1:
  tbnz w20, #3, 2f
  add x0, x0, #2
2:
  cbz w19, 3f
  add x0, x0, #4
3:
  cbnz x20, 4f
  add x0, x0, #8
4:
  bl print_word

  mov x0, #10
  bl print_char
  add x23, x23, #1
  cmp x23, #(pairs_end - pairs) / 16
  b.lo next_pair
  mov x0, #0
  mov x8, #94                   // exit_group
  svc #0
  .size _start, .-_start

  .type print_word, %function
// Prints x0 as 16 hex digits and a space; keeps x19-x28.
print_word:
  stp x29, x30, [sp, #-16]!
  bl print_hex16
  mov x0, #32
  bl print_char
  ldp x29, x30, [sp], #16
  ret
  .size print_word, .-print_word

  .p2align 3
literal:
  .quad 0x80000000fedcba98

  .include "print.inc"

  .section .rodata
  .p2align 4
pairs:
  .quad 0, 0
  .quad 1, -1
  .quad 0x7fffffffffffffff, 1
  .quad 0x8000000000000000, -1
  .quad 0x123456789abcdef0, 0x0fedcba987654321
  .quad 0xffffffff, 0x80000000
  .quad 5, 3
  .quad -7, 2
  .quad 0x00000000fffffffe, 0xffffffff00000003
  .quad 63, 65
pairs_end:

  .bss
  .p2align 4
scratch:
  .space 64
