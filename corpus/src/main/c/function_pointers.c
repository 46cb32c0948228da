/* Function pointers: tables of operations, callbacks through qsort-like code, pointers returned from functions,
   pointers stored in structs (a tiny vtable), and recursion through a pointer. */
#include <stdio.h>

typedef long (*binop)(long, long);

static long add(long a, long b) { return a + b; }
static long sub(long a, long b) { return a - b; }
static long mul(long a, long b) { return a * b; }
static long max(long a, long b) { return a > b ? a : b; }

static binop pick(char c) {
  switch (c) {
    case '+': return add;
    case '-': return sub;
    case '*': return mul;
    default: return max;
  }
}

static long fold(const long *xs, int n, binop f, long init) {
  for (int i = 0; i < n; i++) {
    init = f(init, xs[i]);
  }
  return init;
}

struct shape {
  const struct shape_ops *ops;
  long a, b;
};
struct shape_ops {
  const char *name;
  long (*area)(const struct shape *);
  long (*perimeter)(const struct shape *);
};
static long rect_area(const struct shape *s) { return s->a * s->b; }
static long rect_perimeter(const struct shape *s) { return 2 * (s->a + s->b); }
static long square_area(const struct shape *s) { return s->a * s->a; }
static long square_perimeter(const struct shape *s) { return 4 * s->a; }
static const struct shape_ops rect_ops = {"rect", rect_area, rect_perimeter};
static const struct shape_ops square_ops = {"square", square_area, square_perimeter};

static long (*volatile self)(long);
static long fact(long n) { return n <= 1 ? 1 : n * self(n - 1); }

int main(void) {
  long xs[] = {3, -1, 4, 1, -5, 9, 2, 6};
  const char *ops = "+-*?";
  for (int i = 0; ops[i]; i++) {
    printf("fold %c = %ld\n", ops[i], fold(xs, 8, pick(ops[i]), ops[i] == '*' ? 1 : 0));
  }
  struct shape shapes[] = {{&rect_ops, 3, 4}, {&square_ops, 5, 0}, {&rect_ops, 10, 1}};
  for (int i = 0; i < 3; i++) {
    printf("%s area %ld perimeter %ld\n", shapes[i].ops->name, shapes[i].ops->area(&shapes[i]),
           shapes[i].ops->perimeter(&shapes[i]));
  }
  self = fact;
  printf("20! = %ld\n", self(20));
  binop table[4] = {add, sub, mul, max};
  long acc = 7;
  for (int i = 0; i < 40; i++) {
    acc = table[(acc ^ i) & 3](acc, i + 1) % 1000003;
  }
  printf("table walk %ld\n", acc);
  return 0;
}
