// FP under every FPCR a program can set: each rounding mode, flush-to-zero and default NaN, as fesetround and
// friends would leave them. For each environment a few operations whose results depend on it run, and the bits
// of every result and the FPSR exception flags they raised are printed (one line per environment).

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x19, environments
  add x19, x19, :lo12:environments
  mov x20, #0                 // environment index
1:
  cmp x20, #7
  b.hs 2f
  ldr x0, [x19, x20, lsl #3]
  msr fpcr, x0
  msr fpsr, xzr
  bl compute
  mrs x21, fpsr
  msr fpcr, xzr               // printing runs in the default environment
  mov x0, x22
  bl print_dec
  mov x0, #' '
  bl print_char
  mov x0, x21
  bl print_dec
  bl print_newline
  add x20, x20, #1
  b 1b
2:
  mov x0, #0
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .type compute, %function
// Operations under the current FPCR; x22 = a checksum of the bits of every result (rotate, xor).
compute:
  mov x22, #0
  fmov d0, #1.0
  fmov d1, #3.0
  fdiv d2, d0, d1             // 1/3: rounded per mode
  fmov x0, d2
  eor x22, x0, x22, ror #7
  fmov d3, #2.0
  fsqrt d4, d3
  fmov x0, d4
  eor x22, x0, x22, ror #7
  ldr x0, =0x7fefffffffffffff // the largest double: overflow per mode
  fmov d5, x0
  fadd d6, d5, d5
  fmov x0, d6
  eor x22, x0, x22, ror #7
  fcvt s7, d2                 // narrowing per mode
  fmov w0, s7
  eor x22, x0, x22, ror #7
  fmov d8, #2.5
  frintx d9, d8               // FPCR's rounding
  fmov x0, d9
  eor x22, x0, x22, ror #7
  fcvtzs x0, d9
  eor x22, x0, x22, ror #7
  mov x0, #0x000fffffffffffff // the largest subnormal: flushed under FZ
  fmov d10, x0
  fmul d11, d10, d3
  fmov x0, d11
  eor x22, x0, x22, ror #7
  fcmp d10, #0.0              // equal to zero under FZ
  mrs x0, nzcv
  eor x22, x0, x22, ror #7
  mov x0, #0x7ff4000000000000 // a signalling NaN with a payload: default NaN under DN
  fmov d12, x0
  fadd d13, d12, d0
  fmov x0, d13
  eor x22, x0, x22, ror #7
  mov x0, #-7
  scvtf s14, x0, #3           // -7/8 exactly
  fmadd s15, s14, s14, s7
  fmov w0, s15
  eor x22, x0, x22, ror #7
  ret
  .ltorg
  .size compute, .-compute

  .include "print.inc"

  .section .rodata
  .p2align 3
environments:                 // RN, RP, RM, RZ, FZ, DN, FZ + DN + RZ
  .quad 0x00000000, 0x00400000, 0x00800000, 0x00c00000, 0x01000000, 0x02000000, 0x03c00000
