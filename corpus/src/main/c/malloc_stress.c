/* malloc/realloc/calloc/free under a deterministic pseudo-random workload: each block is filled with a pattern
   derived from its slot and checked before it is freed or grown; large blocks go to mmap, small ones to brk. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static unsigned char pattern(int slot, size_t i) {
  return (unsigned char)(slot * 31 + i * 7);
}

int main(void) {
  unsigned char *blocks[SLOTS] = {0};
  size_t sizes[SLOTS] = {0};
  long checked = 0, bad = 0, reallocs = 0;
  for (int step = 0; step < 20000; step++) {
    int slot = (int)(next() % SLOTS);
    uint64_t r = next();
    size_t size = (r & 0xff) == 0 ? 200000 + (size_t)(r >> 8) % 300000 : (size_t)(r >> 8) % 2000;
    if (blocks[slot]) {
      for (size_t i = 0; i < sizes[slot]; i++) {
        bad += blocks[slot][i] != pattern(slot, i);
      }
      checked += (long)sizes[slot];
    }
    if (blocks[slot] && (r & 0x300) == 0) {
      free(blocks[slot]);
      blocks[slot] = NULL;
      sizes[slot] = 0;
      continue;
    }
    if (blocks[slot] && (r & 0x300) == 0x100) {
      unsigned char *grown = realloc(blocks[slot], size + 1);
      if (!grown) {
        printf("realloc failed\n");
        return 1;
      }
      size_t kept = sizes[slot] < size + 1 ? sizes[slot] : size + 1;
      for (size_t i = 0; i < kept; i++) {
        bad += grown[i] != pattern(slot, i);
      }
      for (size_t i = kept; i < size + 1; i++) {
        grown[i] = pattern(slot, i);
      }
      blocks[slot] = grown;
      sizes[slot] = size + 1;
      reallocs++;
      continue;
    }
    free(blocks[slot]);
    unsigned char *fresh = (r & 0x400) ? calloc(size + 1, 1) : malloc(size + 1);
    if (!fresh) {
      printf("allocation failed\n");
      return 1;
    }
    if (r & 0x400) {
      for (size_t i = 0; i < size + 1; i++) {
        bad += fresh[i] != 0;
      }
    }
    for (size_t i = 0; i < size + 1; i++) {
      fresh[i] = pattern(slot, i);
    }
    blocks[slot] = fresh;
    sizes[slot] = size + 1;
  }
  size_t live = 0;
  for (int i = 0; i < SLOTS; i++) {
    live += sizes[i];
    free(blocks[i]);
  }
  printf("checked %ld bytes, %ld reallocs, %zu bytes live at the end, %ld bad\n", checked, reallocs, live, bad);
  return bad != 0;
}
