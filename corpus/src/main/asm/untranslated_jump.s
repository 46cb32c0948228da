// Calls code that no static analysis can find: it has no symbol (.L label, no .type), lies outside every
// function's .size, follows a ret (nothing falls into it), and nothing holds its address. The address is computed
// at run time from argc, a function's address and a constant. Under QEMU it runs; a translated program must stop
// with "elfconv: jump to untranslated address 0x...".

  .text
  .globl _start
  .type _start, %function
_start:
  adrp x0, msg_calling
  add x0, x0, :lo12:msg_calling
  bl print_cstr
  ldr x10, [sp]               // argc: 1 when run without arguments
  ldr x11, =KEY - 1
  add x11, x11, x10           // KEY, but only known at run time
  ldr x12, =(.Lhidden - greet) ^ KEY
  eor x12, x12, x11
  adr x9, greet
  add x9, x9, x12
  blr x9
  adrp x0, msg_back
  add x0, x0, :lo12:msg_back
  bl print_cstr
  mov x0, #0
  mov x8, #94                 // exit_group
  svc #0
  .size _start, .-_start

  .type greet, %function
greet:
  adrp x0, msg_greet
  add x0, x0, :lo12:msg_greet
  stp x29, x30, [sp, #-16]!
  bl print_cstr
  ldp x29, x30, [sp], #16
  ret
  .size greet, .-greet

.Lhidden:
  mov x0, #1
  adrp x1, msg_hidden
  add x1, x1, :lo12:msg_hidden
  mov x2, #HIDDEN_LENGTH
  mov x8, #64                 // write
  svc #0
  ret

  .include "print.inc"

  .set KEY, 0x5a5a
  .section .rodata
msg_calling: .asciz "calling code that static analysis cannot find\n"
msg_greet:   .asciz "hello from greet\n"
msg_back:    .asciz "back in _start\n"
msg_hidden:  .ascii "hidden code ran\n"
  .set HIDDEN_LENGTH, . - msg_hidden
