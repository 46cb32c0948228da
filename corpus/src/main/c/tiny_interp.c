/* A tiny stack-machine interpreter: a bytecode program computes primes, a Collatz record and a checksum; the
   dispatch loop is a switch (an indirect branch through a jump table for every bytecode). */
#include <stdint.h>
#include <stdio.h>

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, PRINT, HALT, DUP, DIV, EQ };

static int64_t run(const int64_t *code, int64_t *vars) {
  int64_t stack[64];
  int sp = 0, pc = 0;
  int64_t steps = 0;
  for (;;) {
    steps++;
    int64_t a, b;
    switch ((enum op)code[pc++]) {
      case PUSH: stack[sp++] = code[pc++]; break;
      case LOAD: stack[sp++] = vars[code[pc++]]; break;
      case STORE: vars[code[pc++]] = stack[--sp]; break;
      case DUP: stack[sp] = stack[sp - 1]; sp++; break;
      case ADD: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a + b; break;
      case SUB: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a - b; break;
      case MUL: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a * b; break;
      case DIV: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a / b; break;
      case MOD: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a % b; break;
      case LT: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a < b; break;
      case EQ: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a == b; break;
      case JZ: a = stack[--sp]; if (!a) pc = (int)code[pc]; else pc++; break;
      case JMP: pc = (int)code[pc]; break;
      case PRINT: printf("%lld\n", (long long)stack[--sp]); break;
      case HALT: return steps;
    }
  }
}

int main(void) {
  /* Counts primes below 2000 by trial division (v0 = n, v1 = d, v2 = count); jump targets are fixed up as the
     code is emitted. */
  int64_t code[256];
  int n = 0, fix_outer_end, fix_inner_end, fix_not_prime, outer, inner, is_prime, next;
#define E(x) code[n++] = (x)
  E(PUSH); E(2); E(STORE); E(0); E(PUSH); E(0); E(STORE); E(2);
  outer = n;
  E(LOAD); E(0); E(PUSH); E(2000); E(LT); E(JZ); fix_outer_end = n; E(0);
  E(PUSH); E(2); E(STORE); E(1);
  inner = n;
  E(LOAD); E(1); E(LOAD); E(1); E(MUL); E(LOAD); E(0); E(LT);
  E(LOAD); E(1); E(LOAD); E(1); E(MUL); E(LOAD); E(0); E(EQ); E(ADD); E(JZ); fix_inner_end = n; E(0);
  E(LOAD); E(0); E(LOAD); E(1); E(MOD); E(JZ); fix_not_prime = n; E(0);
  E(LOAD); E(1); E(PUSH); E(1); E(ADD); E(STORE); E(1); E(JMP); E(inner);
  is_prime = n;
  code[fix_inner_end] = is_prime;
  E(LOAD); E(2); E(PUSH); E(1); E(ADD); E(STORE); E(2);
  next = n;
  code[fix_not_prime] = next;
  E(LOAD); E(0); E(PUSH); E(1); E(ADD); E(STORE); E(0); E(JMP); E(outer);
  code[fix_outer_end] = n;
  E(LOAD); E(2); E(PRINT);
  /* Longest Collatz chain start below 3000: v3 = start, v4 = x, v5 = len, v6 = best len, v7 = best start. */
  E(PUSH); E(1); E(STORE); E(3); E(PUSH); E(0); E(STORE); E(6);
  int c_outer = n;
  E(LOAD); E(3); E(PUSH); E(3000); E(LT); E(JZ); int fix_c_end = n; E(0);
  E(LOAD); E(3); E(STORE); E(4); E(PUSH); E(1); E(STORE); E(5);
  int c_inner = n;
  E(LOAD); E(4); E(PUSH); E(1); E(EQ); E(PUSH); E(0); E(EQ); E(JZ); int fix_c_done = n; E(0);
  E(LOAD); E(4); E(PUSH); E(2); E(MOD); E(JZ); int fix_even = n; E(0);
  E(LOAD); E(4); E(PUSH); E(3); E(MUL); E(PUSH); E(1); E(ADD); E(STORE); E(4); E(JMP); int fix_count = n; E(0);
  code[fix_even] = n;
  E(LOAD); E(4); E(PUSH); E(2); E(DIV); E(STORE); E(4);
  code[fix_count] = n;
  E(LOAD); E(5); E(PUSH); E(1); E(ADD); E(STORE); E(5); E(JMP); E(c_inner);
  code[fix_c_done] = n;
  E(LOAD); E(6); E(LOAD); E(5); E(LT); E(JZ); int fix_no_record = n; E(0);
  E(LOAD); E(5); E(STORE); E(6); E(LOAD); E(3); E(STORE); E(7);
  code[fix_no_record] = n;
  E(LOAD); E(3); E(PUSH); E(1); E(ADD); E(STORE); E(3); E(JMP); E(c_outer);
  code[fix_c_end] = n;
  E(LOAD); E(7); E(PRINT); E(LOAD); E(6); E(PRINT);
  E(HALT);
#undef E
  int64_t vars[8] = {0};
  int64_t steps = run(code, vars);
  printf("%d words of bytecode, %lld steps\n", n, (long long)steps);
  return 0;
}
