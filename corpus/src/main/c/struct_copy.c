/* Structs passed and returned by value (in registers, through memory, homogeneous float aggregates), copied by
   assignment and memcpy, with padding, arrays inside, and nested unions. */
#include <stdio.h>
#include <string.h>

struct small { int x, y; };
struct hfa { double a, b, c, d; };
struct big { char tag; long values[10]; short tail; };
union number { long i; double d; unsigned char bytes[8]; };
struct tagged { int kind; union number n; struct small pos; };

static struct small add_small(struct small p, struct small q) {
  return (struct small){p.x + q.x, p.y + q.y};
}

static struct hfa scale(struct hfa h, double k) {
  h.a *= k;
  h.b *= k;
  h.c *= k;
  h.d *= k;
  return h;
}

static struct big bump(struct big b) {
  for (int i = 0; i < 10; i++) {
    b.values[i] += i * i;
  }
  b.tag++;
  b.tail = (short)(b.tail * 2);
  return b;
}

static long total(const struct big *b) {
  long t = b->tag + b->tail;
  for (int i = 0; i < 10; i++) {
    t += b->values[i];
  }
  return t;
}

int main(void) {
  struct small s = {3, 4};
  for (int i = 0; i < 5; i++) {
    s = add_small(s, (struct small){i, -i});
  }
  printf("small %d %d\n", s.x, s.y);
  struct hfa h = scale((struct hfa){1.5, -2.0, 0.25, 8.0}, 3.0);
  printf("hfa %g %g %g %g\n", h.a, h.b, h.c, h.d);
  struct big b = {'a', {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 300};
  struct big c = bump(bump(b));
  printf("big original %ld, bumped twice %ld, tag %c tail %d\n", total(&b), total(&c), c.tag, c.tail);
  struct big copies[4];
  for (int i = 0; i < 4; i++) {
    copies[i] = i ? copies[i - 1] : c;
    copies[i].values[i] = -1;
  }
  printf("copies %ld %ld %ld %ld\n", total(&copies[0]), total(&copies[1]), total(&copies[2]), total(&copies[3]));
  struct tagged t = {2, {.d = 1.0}, {7, 8}};
  struct tagged u;
  memcpy(&u, &t, sizeof t);
  printf("union bits %016lx, bytes %02x %02x, pos %d %d, sizes %zu %zu %zu\n", u.n.i, u.n.bytes[6], u.n.bytes[7],
         u.pos.x, u.pos.y, sizeof(struct big), sizeof(struct tagged), sizeof(union number));
  struct tagged arr[3] = {t, u, {.kind = 9}};
  arr[1].n.i = -1;
  printf("array kinds %d %d %d, n %g %ld %ld\n", arr[0].kind, arr[1].kind, arr[2].kind, arr[0].n.d, arr[1].n.i,
         arr[2].n.i);
  return 0;
}
