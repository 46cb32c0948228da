/* Recursion: Ackermann, towers of Hanoi, mutual recursion, permutations by backtracking, N-queens, and a deep
   (10,000 frames) linear recursion the compiler cannot turn into a loop. wasm32 bounds the depth of guest calls
   (see the README); Linux's 8 MiB stack would hold ten times as many of these frames. */
#include <stdio.h>

static long ackermann(long m, long n) {
  if (m == 0) {
    return n + 1;
  }
  if (n == 0) {
    return ackermann(m - 1, 1);
  }
  return ackermann(m - 1, ackermann(m, n - 1));
}

static long hanoi(int n, int from, int to, int via, long *checksum) {
  if (n == 0) {
    return 0;
  }
  long moves = hanoi(n - 1, from, via, to, checksum);
  *checksum = (*checksum * 31 + from * 3 + to) % 1000000007;
  return moves + 1 + hanoi(n - 1, via, to, from, checksum);
}

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int permutations(int *used, int depth, int n, int *seq) {
  if (depth == n) {
    int ok = 1;
    for (int i = 0; i < n; i++) {
      ok &= seq[i] != i;
    }
    return ok;
  }
  int count = 0;
  for (int v = 0; v < n; v++) {
    if (!used[v]) {
      used[v] = 1;
      seq[depth] = v;
      count += permutations(used, depth + 1, n, seq);
      used[v] = 0;
    }
  }
  return count;
}

static int queens(int row, int n, unsigned cols, unsigned d1, unsigned d2) {
  if (row == n) {
    return 1;
  }
  int count = 0;
  for (int c = 0; c < n; c++) {
    if (!(cols >> c & 1) && !(d1 >> (row + c) & 1) && !(d2 >> (row - c + n) & 1)) {
      count += queens(row + 1, n, cols | 1u << c, d1 | 1u << (row + c), d2 | 1u << (row - c + n));
    }
  }
  return count;
}

static volatile int sink;

static long deep(int n) {
  char frame[32];
  frame[n % 32] = (char)n;
  long below = n == 0 ? 0 : deep(n - 1);
  sink = frame[n % 32]; /* after the call: every level keeps its frame */
  return below + n;
}

int main(void) {
  printf("ackermann(2,3)=%ld ackermann(3,6)=%ld\n", ackermann(2, 3), ackermann(3, 6));
  long checksum = 0;
  long moves = hanoi(18, 1, 3, 2, &checksum);
  printf("hanoi(18) moves %ld checksum %ld\n", moves, checksum);
  printf("even(10001) %d odd(7777) %d\n", is_even(10001), is_odd(7777));
  int used[9] = {0}, seq[9];
  printf("derangements of 8: %d\n", permutations(used, 0, 8, seq));
  for (int n = 4; n <= 9; n++) {
    printf("queens(%d)=%d ", n, queens(0, n, 0, 0, 0));
  }
  printf("\ndeep(10000) = %ld\n", deep(10000));
  return 0;
}
