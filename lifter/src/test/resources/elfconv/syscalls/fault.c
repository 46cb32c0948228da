/* Guest faults end the process by SIGSEGV as on Linux: argv[1] picks a null-page write, a write to a page made
 * read-only, a read of an unmapped page, a stack overflow by unbounded recursion, a read whose displacement
 * takes a pointer just above 4 GiB ("high") or below 0 ("low"), a read 4 GiB ("far") or 1 TiB ("window", past the
 * x86_64 window) above a global; or by SIGBUS: a read of a file mapping's page past the end of the file. "tagged"
 * reads the global through a pointer with a tag in its top byte, which AArch64 Linux ignores (TBI), and "gigantic"
 * maps 3 GiB and touches every MiB of it: neither faults. */
#include "sys.h"

static int recurse(volatile u8 *previous) {
  volatile u8 frame[512];
  frame[0] = previous ? previous[0] + 1 : 0;
  return recurse(frame) + frame[1];
}

int main(u64 *sp) {
  const char *mode = sp[0] > 1 ? (const char *)sp[2] : "";
  put("before the fault\n");
  if (mode[0] == 'n') *(volatile int *)16 = 1;
  if (mode[0] == 'r') {
    u8 *page = (u8 *)SYS(NR_mmap, 0, 4096, 3, 0x22, -1, 0);
    SYS(NR_mprotect, page, 4096, 1);
    show("readable", page[0]);
    page[1] = 1;
  }
  if (mode[0] == 'u') {
    u8 *page = (u8 *)SYS(NR_mmap, 0, 4096, 3, 0x22, -1, 0);
    SYS(NR_munmap, page, 4096);
    show("unmapped", page[0]);
  }
  if (mode[0] == 's') recurse(0);
  if (mode[0] == 'h' || mode[0] == 'l') {
    volatile u64 *p = (volatile u64 *)(mode[0] == 'h' ? 0xfffffff0ul : 0x10ul);
    __asm__("" : "+r"(p)); /* p[4] and p[-4] stay one load each, register plus displacement */
    show("outside", mode[0] == 'h' ? p[4] : p[-4]);
  }
  if (mode[0] == 'f' || mode[0] == 'w' || mode[0] == 't') {
    static volatile u64 global = 0x600d;
    u64 address = (u64)&global + (mode[0] == 'f' ? 4ul << 30 : mode[0] == 'w' ? 1ul << 40 : 0x5aul << 56);
    __asm__("" : "+r"(address));
    show(mode, *(volatile u64 *)address);
  }
  if (mode[0] == 'g') {
    u64 size = 3ul << 30;
    u8 *heap = (u8 *)SYS(NR_mmap, 0, size, 3, 0x22, -1, 0);
    show("3 GiB mapped", (i64)heap > 0);
    if ((i64)heap > 0) {
      u64 sum = 0;
      for (u64 i = 0; i < size; i += 1 << 20) heap[i] = (u8)(i >> 20);
      for (u64 i = 0; i < size; i += 1 << 20) sum += heap[i];
      show("sum of every MiB's first byte", sum);
      show("munmap", SYS(NR_munmap, heap, size));
    }
  }
  if (mode[0] == 'b') {
    int fd = (int)SYS(NR_openat, AT_FDCWD, "one-byte", 0102, 0644);
    SYS(NR_write, fd, "1", 1);
    u8 *file = (u8 *)SYS(NR_mmap, 0, 2 * 4096, 1, 2, fd, 0);
    show("first page", file[0]);
    show("second page", file[4096]);
  }
  put("after the fault\n");
  return 0;
}
