/* setjmp/longjmp across frames: out of deep recursion, through function pointers, re-entering the same jmp_buf
   many times, with locals that must survive (volatile) and nested handlers that restore an outer one. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf outer;
static jmp_buf *current;
static int depth_reached;

static void dive(int depth, int limit) {
  depth_reached = depth;
  if (depth == limit) {
    longjmp(*current, depth);
  }
  if (depth > limit) {
    return; /* never: only here so the recursion visibly ends */
  }
  dive(depth + 1, limit);
  printf("never printed\n");
}

static int checked_divide(int a, int b) {
  if (b == 0) {
    longjmp(*current, -1);
  }
  return a / b;
}

static int apply(int (*f)(int, int), int a, int b) {
  return f(a, b) + 1;
}

static int nested(void) {
  jmp_buf inner;
  jmp_buf *saved = current;
  current = &inner;
  int r = setjmp(inner);
  if (r == 0) {
    dive(0, 50);
  }
  current = saved;
  return r;
}

int main(void) {
  current = &outer;
  volatile int rounds = 0;
  volatile long total = 0;
  int r = setjmp(outer);
  total += r;
  if (rounds < 10) {
    rounds++;
    dive(0, rounds * 100);
  }
  printf("after %d rounds: total %ld, deepest %d\n", rounds, total, depth_reached);

  int results[4];
  int divisors[4] = {3, 0, 7, 0};
  for (int i = 0; i < 4; i++) {
    if ((r = setjmp(outer)) == 0) {
      results[i] = apply(checked_divide, 100, divisors[i]);
    } else {
      results[i] = r * 1000;
    }
  }
  printf("divisions %d %d %d %d\n", results[0], results[1], results[2], results[3]);

  printf("nested returned %d\n", nested());
  if ((r = setjmp(outer)) == 0) {
    dive(0, 7);
  }
  printf("outer handler still works: %d\n", r);
  /* longjmp with 0 makes setjmp return 1. */
  static int zero_done;
  r = setjmp(outer);
  if (!zero_done) {
    zero_done = 1;
    longjmp(outer, 0);
  }
  printf("longjmp(0) gave %d\n", r);
  return 0;
}
