/* Sorting networks: Batcher's odd-even merge sort on 16 and 64 elements and an optimal 8-input network,
   checked against insertion sort on every 0/1 input of 16 bits (the 0-1 principle) and on random data. */
#include <stdint.h>
#include <stdio.h>

static void cmpswap(int *a, int i, int j) {
  int x = a[i], y = a[j];
  a[i] = x < y ? x : y;
  a[j] = x < y ? y : x;
}

static int comparisons;

static void batcher(int *a, int n) {
  for (int p = 1; p < n; p <<= 1) {
    for (int k = p; k >= 1; k >>= 1) {
      for (int j = k % p; j + k < n; j += 2 * k) {
        for (int i = 0; i < k && i + j + k < n; i++) {
          if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
            cmpswap(a, i + j, i + j + k);
            comparisons++;
          }
        }
      }
    }
  }
}

static void network8(int *a) {
  static const int pairs[19][2] = {{0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}, {0, 1}, {2, 3},
                                   {4, 5}, {6, 7}, {2, 4}, {3, 5}, {1, 4}, {3, 6}, {1, 2}, {3, 4}, {5, 6}};
  for (int i = 0; i < 19; i++) {
    cmpswap(a, pairs[i][0], pairs[i][1]);
  }
}

static int sorted(const int *a, int n) {
  for (int i = 1; i < n; i++) {
    if (a[i - 1] > a[i]) {
      return 0;
    }
  }
  return 1;
}

int main(void) {
  int failures16 = 0, failures8 = 0;
  for (uint32_t bits = 0; bits < (1u << 16); bits++) {
    int a[16], b[8];
    for (int i = 0; i < 16; i++) {
      a[i] = bits >> i & 1;
    }
    for (int i = 0; i < 8; i++) {
      b[i] = bits >> i & 1;
    }
    comparisons = 0;
    batcher(a, 16);
    network8(b);
    failures16 += !sorted(a, 16);
    failures8 += !sorted(b, 8);
  }
  printf("0-1 principle: 16-input failures %d (%d comparators), 8-input failures %d\n", failures16, comparisons,
         failures8);
  uint32_t seed = 2463534242u;
  long checksum = 0;
  int bad = 0;
  for (int round = 0; round < 200; round++) {
    int a[64];
    for (int i = 0; i < 64; i++) {
      seed ^= seed << 13;
      seed ^= seed >> 17;
      seed ^= seed << 5;
      a[i] = (int)(seed % 2001) - 1000;
    }
    comparisons = 0;
    batcher(a, 64);
    bad += !sorted(a, 64);
    checksum += a[0] + 3L * a[31] + 7L * a[63];
  }
  printf("random 64-element rounds: %d unsorted, %d comparators, checksum %ld\n", bad, comparisons, checksum);
  return 0;
}
