/* mmap, munmap, mremap, mprotect, madvise and brk: placement is compared through the normalised trace, contents and
 * error numbers through stdout. */
#include "sys.h"

#define PAGE 4096
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20

static u8 *map(u64 addr, u64 length, int prot, int flags, int fd, u64 offset) {
  return (u8 *)SYS(NR_mmap, addr, length, prot, flags, fd, offset);
}

static int zero(const u8 *p, u64 n) {
  for (u64 i = 0; i < n; i++) {
    if (p[i]) return 0;
  }
  return 1;
}

int main(u64 *sp) {
  (void)sp;
  u8 *a = map(0, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  show("anonymous mapping is zero", zero(a, 3 * PAGE));
  fill(a, 0x5a, 3 * PAGE);
  u8 *b = map(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  show("page aligned", ((u64)a & (PAGE - 1)) == 0);

  show("munmap middle page", SYS(NR_munmap, a + PAGE, PAGE));
  show("write into the hole", SYS(NR_write, 1, a + PAGE, 1));
  show("mprotect of the hole", SYS(NR_mprotect, a + PAGE, PAGE, PROT_READ));
  u8 *fixed = map((u64)a + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  show("MAP_FIXED refills the hole", fixed == a + PAGE && zero(fixed, PAGE));

  show("mprotect read-only", SYS(NR_mprotect, a, PAGE, PROT_READ));
  show("read into a read-only page", SYS(NR_read, 0, a, 1));
  show("write from a read-only page", SYS(NR_write, 1, a + PAGE - 1, 1));
  put("\n");
  show("mprotect back", SYS(NR_mprotect, a, PAGE, PROT_READ | PROT_WRITE));
  show("contents kept", a[0] == 0x5a && a[2 * PAGE] == 0x5a);

  show("madvise DONTNEED", SYS(NR_madvise, a + 2 * PAGE, PAGE, 4));
  show("private page reads zero again", zero(a + 2 * PAGE, PAGE));

  u8 *grown = (u8 *)SYS(NR_mremap, b, PAGE, 4 * PAGE, 1 /* MREMAP_MAYMOVE */);
  fill(grown + PAGE, 7, 3 * PAGE);
  show("mremap grows", grown[4 * PAGE - 1] == 7);
  u8 *c = map(0, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  SYS(NR_munmap, c + 2 * PAGE, PAGE);
  show("mremap without MAYMOVE into a mapping", SYS(NR_mremap, c, PAGE, 3 * PAGE, 0));
  show("mremap without MAYMOVE into free pages", SYS(NR_mremap, c + PAGE, PAGE, 2 * PAGE, 0) == (i64)(c + PAGE));
  show("mremap shrinks in place", SYS(NR_mremap, grown, 4 * PAGE, PAGE, 0) == (i64)grown);

  show("mmap length 0", (i64)map(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  show("mmap unaligned offset", (i64)map(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1));
  show("mmap without type", (i64)map(0, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0));
  show("mmap bad fd", (i64)map(0, PAGE, PROT_READ, MAP_PRIVATE, 99, 0));
  show("munmap unaligned", SYS(NR_munmap, a + 1, PAGE));
  show("mprotect unmapped", SYS(NR_mprotect, 0, PAGE, PROT_READ));
  show("munmap all", SYS(NR_munmap, a, 3 * PAGE));
  show("munmap again", SYS(NR_munmap, a, 3 * PAGE));

  /* A file mapped privately: its bytes, zero to the end of its last page (the pages after it raise SIGBUS). */
  int fd = (int)SYS(NR_openat, AT_FDCWD, "mapped", 0101 | 01000 /* O_WRONLY|O_CREAT|O_TRUNC */, 0644);
  SYS(NR_write, fd, "file contents", 13);
  SYS(NR_close, fd);
  fd = (int)SYS(NR_openat, AT_FDCWD, "mapped", 0);
  u8 *file = map(0, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  show("file mapping", same(file, "file contents", 13) && zero(file + 13, PAGE - 13));
  file[0] = 'F';
  char back[1];
  SYS(NR_pread64, fd, back, 1, 0);
  show("private writes stay private", back[0] == 'f');
  show("mmap past the file offset", (i64)map(0, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE) > 0);
  int wronly = (int)SYS(NR_openat, AT_FDCWD, "mapped", 1);
  show("mmap of a write-only file", (i64)map(0, PAGE, PROT_READ, MAP_PRIVATE, wronly, 0));

  u64 start = (u64)SYS(NR_brk, 0);
  show("brk grows", SYS(NR_brk, start + 3 * PAGE) == (i64)(start + 3 * PAGE));
  show("brk memory is zero", zero((u8 *)start, 3 * PAGE));
  fill((u8 *)start, 1, 3 * PAGE);
  show("brk shrinks", SYS(NR_brk, start + PAGE) == (i64)(start + PAGE));
  show("brk below the start is refused", SYS(NR_brk, start - PAGE) == (i64)(start + PAGE));
  show("brk regrown memory is zero", SYS(NR_brk, start + 3 * PAGE) > 0 && zero((u8 *)start + 2 * PAGE, PAGE));
  return 0;
}
