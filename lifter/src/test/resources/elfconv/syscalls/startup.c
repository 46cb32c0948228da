/* The initial stack: argc, argv and the auxiliary vector as QEMU 7.2 builds it for -cpu cortex-a72. Addresses
 * differ between the two, so pointer entries are checked for what they point at. */
#include "sys.h"

extern const u8 __ehdr_start[];

int main(u64 *sp) {
  u64 argc = sp[0];
  char **argv = (char **)(sp + 1);
  show("argc", (i64)argc);
  for (u64 i = 1; i < argc; i++) {
    put(argv[i]);
    put("\n");
  }
  u64 *p = sp + 1 + argc + 1;
  while (*p) p++;
  for (p++; p[0]; p += 2) {
    put_hex(p[0]);
    put(" ");
    switch (p[0]) {
    case 3: /* AT_PHDR: the program headers of this very image */
      put(p[1] == (u64)__ehdr_start + *(const u64 *)(__ehdr_start + 32) ? "phdr" : "wrong phdr");
      break;
    case 15: /* AT_PLATFORM */
      put((const char *)p[1]);
      break;
    case 31: /* AT_EXECFN: the path the program was started by, which differs between runs */
      put(((const char *)p[1])[0] ? "execfn" : "empty execfn");
      break;
    case 25: { /* AT_RANDOM: 16 readable bytes, not all zero */
      const u8 *r = (const u8 *)p[1];
      int nonzero = 0;
      for (int i = 0; i < 16; i++) nonzero |= r[i];
      put(nonzero ? "random" : "zero");
      break;
    }
    case 9: /* AT_ENTRY */
      put(p[1] == *(const u64 *)(__ehdr_start + 24) ? "entry" : "wrong entry");
      break;
    case 11: case 12: case 13: case 14: /* ids: whoever runs the test */
      put("id");
      break;
    default:
      put_hex(p[1]);
    }
    put("\n");
  }
  return 3;
}
