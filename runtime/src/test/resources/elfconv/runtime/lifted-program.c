/* Plays the part of a lifted program for the runtime tests: it defines what the lifter emits (elfconv.h) and its
 * "guest functions" are C functions that use guest state, guest memory and syscalls the way lifted code does.
 * argv[1] names the scenario; the entry function returns that scenario's guest address to the dispatch loop. */
#include <stdbool.h>

#include "elfconv.h"

#define TEXT 0x400000u  /* segment 0: read-only bytes, as from .text/.rodata */
#define DATA 0x410000u  /* segment 1: 0x10 file bytes, then .bss up to DATA_END */
#define DATA_END 0x412345u
#define HELLO (TEXT + 0x100) /* "hello\n" */
#define NEWLINE (HELLO + 5)
#define OUT (DATA + 0x100)   /* output buffer in .bss */

enum { SYS_READ = 63, SYS_WRITE = 64, SYS_WRITEV = 66, SYS_EXIT = 93, SYS_EXIT_GROUP = 94, SYS_CLONE3 = 435,
       SYS_BRK = 214 };

const uint64_t elfconv_entry = TEXT;
const uint64_t elfconv_window_size = 256u << 20;
const uint64_t elfconv_phdr = TEXT + 0x40;
const uint64_t elfconv_phent = 56;
const uint64_t elfconv_phnum = 2;
const uint32_t elfconv_segment_count = 2;
const ElfconvSegment elfconv_segments[] = {
    {.vaddr = TEXT, .filesz = 0x200, .memsz = 0x200, .offset = 0},
    {.vaddr = DATA, .filesz = 0x10, .memsz = DATA_END - DATA, .offset = 0x200},
};
const uint8_t elfconv_image[0x210] = {[0x100] = 'h', 'e', 'l', 'l', 'o', '\n', [0x200] = 'd', 'a', 't', 'a'};

static int64_t syscall6(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5) {
  uint64_t *x = elfconv_state.x;
  x[8] = nr, x[0] = a0, x[1] = a1, x[2] = a2, x[3] = a3, x[4] = a4, x[5] = a5;
  elfconv_syscall();
  return (int64_t)x[0];
}

static int64_t syscall3(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2) {
  return syscall6(nr, a0, a1, a2, 0, 0, 0);
}

static uint64_t *stack(void) {
  return GUEST_PTR(elfconv_state.sp);
}

static char *guest_string(uint64_t addr) {
  return GUEST_PTR(addr);
}

static uint64_t guest_strlen(uint64_t addr) {
  uint64_t n = 0;
  while (guest_string(addr)[n]) n++;
  return n;
}

/* Text output through a guest buffer, so that every byte reaches stdout by a guest write syscall. */
static uint64_t out_length;

static void put_char(char c) {
  guest_string(OUT)[out_length++] = c;
}

static void put(const char *s) {
  while (*s) put_char(*s++);
}

static void put_guest(uint64_t addr) {
  for (const char *s = guest_string(addr); *s; s++) put_char(*s);
}

static void put_hex(uint64_t value) {
  char digits[16];
  int count = 0;
  do digits[count++] = "0123456789abcdef"[value & 15];
  while (value >>= 4);
  put("0x");
  while (count) put_char(digits[--count]);
}

static void flush_line(void) {
  put("\n");
  syscall3(SYS_WRITE, 1, OUT, out_length);
  out_length = 0;
}

static _Noreturn void exit_group(uint64_t status) {
  syscall3(SYS_EXIT_GROUP, status, 0, 0);
  __builtin_trap();
}

/* --- scenarios --- */

static uint64_t hello(void) {
  syscall3(SYS_WRITE, 1, HELLO, 6);
  exit_group(3);
}

/* Prints argv[2...], one per line. */
static uint64_t args(void) {
  uint64_t argc = stack()[0];
  for (uint64_t i = 2; i < argc; i++) {
    uint64_t arg = stack()[1 + i];
    syscall3(SYS_WRITE, 1, arg, guest_strlen(arg));
    syscall3(SYS_WRITE, 1, NEWLINE, 1);
  }
  exit_group(0);
}

/* Prints "<kind> <address> <string>" for each pointer up to NULL; returns the slot after the NULL. */
static uint64_t *put_strings(const char *kind, uint64_t *slot) {
  for (; *slot; slot++) {
    put(kind);
    put(" ");
    put_hex(*slot);
    put(" ");
    put_guest(*slot);
    flush_line();
  }
  return slot + 1;
}

/* Prints the whole initial stack: sp, argc, argv[] and envp[] with addresses, auxv, and the auxv strings. */
static uint64_t stack_dump(void) {
  uint64_t *slot = stack();
  put("sp=");
  put_hex(elfconv_state.sp);
  flush_line();
  uint64_t argc = *slot++;
  put("argc=");
  put_hex(argc);
  flush_line();
  slot = put_strings("argv", slot);
  slot = put_strings("envp", slot);
  for (;; slot += 2) {
    put("auxv ");
    put_hex(slot[0]);
    put(" ");
    put_hex(slot[1]);
    if (slot[0] == 15 || slot[0] == 31) { /* AT_PLATFORM, AT_EXECFN */
      put(" ");
      put_guest(slot[1]);
    }
    flush_line();
    if (!slot[0]) break;
  }
  exit_group(0);
}

static uint64_t untranslated(void) {
  elfconv_state.pc = TEXT + 0xabc;
  return 0xdead0000;
}

static uint64_t untranslated_unknown_branch(void) {
  elfconv_state.pc = 0;
  return 0x1234;
}

static uint64_t answer(void) {
  return 42;
}

static uint64_t dispatch(void) {
  bool ok = elfconv_dispatch(TEXT + 0xa0) == 42 && elfconv_dispatch(0x500000) == 0x500000;
  exit_group(ok ? 0 : 1);
}

static bool all_bytes(uint64_t addr, uint64_t length, uint8_t value) {
  for (uint64_t i = 0; i < length; i++) {
    if (((uint8_t *)GUEST_PTR(addr))[i] != value) return false;
  }
  return true;
}

static void fill(uint64_t addr, uint64_t length, uint8_t value) {
  for (uint64_t i = 0; i < length; i++) ((uint8_t *)GUEST_PTR(addr))[i] = value;
}

/* A failing check ends the program with its number as the exit status. */
static void check(int number, bool ok) {
  if (!ok) exit_group((uint64_t)number);
}

/* Exits with the number of the first failing check, 0 if all pass. */
static uint64_t brk(void) {
  const uint64_t start = 0x413000; /* DATA_END rounded up to a page */
  /* The heap may grow up to a page below the mmap area, which ends Linux's 1 MiB stack guard gap below the stack. */
  const uint64_t mmap_top = (256u << 20) - 0x1000 - ELFCONV_STACK_SIZE - 0x100000;
  check(1, syscall3(SYS_BRK, 0, 0, 0) == start);
  check(2, syscall3(SYS_BRK, start + 0x2345, 0, 0) == start + 0x2345 && all_bytes(start, 0x3000, 0));
  fill(start, 0x2345, 0xaa);
  check(3, syscall3(SYS_BRK, start + 0x1000, 0, 0) == start + 0x1000);
  check(4, syscall3(SYS_BRK, start + 0x2345, 0, 0) == start + 0x2345 && all_bytes(start, 0x1000, 0xaa) &&
                   all_bytes(start + 0x1000, 0x2000, 0));
  check(5, syscall3(SYS_BRK, start - 0x1000, 0, 0) == start + 0x2345);
  check(6, syscall3(SYS_BRK, 0xffffffff, 0, 0) == start + 0x2345);
  check(7, syscall3(SYS_BRK, 1ull << 40, 0, 0) == start + 0x2345);
  check(8, syscall3(SYS_BRK, UINT64_MAX, 0, 0) == start + 0x2345);
  check(9, syscall3(SYS_BRK, mmap_top - 0x1000 + 1, 0, 0) == start + 0x2345);
  check(10, syscall3(SYS_BRK, mmap_top - 0x1000, 0, 0) == mmap_top - 0x1000);
  /* Shrinking within a page keeps the page: its bytes survive. */
  check(11, syscall3(SYS_BRK, start + 0x10, 0, 0) == start + 0x10);
  fill(start + 8, 8, 0x55);
  check(12, syscall3(SYS_BRK, start + 8, 0, 0) == start + 8);
  check(13, syscall3(SYS_BRK, start + 0x10, 0, 0) == start + 0x10 && all_bytes(start + 8, 8, 0x55));
  exit_group(0);
}

/* Exits with 10 + the number of the first failing check; on success echoes stdin and exits with 7 via exit. */
static uint64_t io(void) {
  uint64_t *iov = GUEST_PTR(DATA);
  iov[0] = HELLO, iov[1] = 3, iov[2] = HELLO + 3, iov[3] = 3;
  check(11, syscall3(SYS_WRITEV, 1, DATA, 2) == 6);
  int64_t n = syscall3(SYS_READ, 0, OUT, 64);
  check(12, n >= 0 && syscall3(SYS_WRITE, 1, OUT, (uint64_t)n) == n);
  check(13, syscall3(SYS_WRITE, 1, 0xfffffff0, 4) == -14);
  check(14, syscall3(SYS_WRITE, 5, HELLO, 1) == -9);
  check(15, syscall3(SYS_CLONE3, 0, 0, 0) == -38);
  check(16, syscall6(999, 1, 2, 3, 4, 5, 6) == -38);
  syscall3(SYS_EXIT, 7, 0, 0);
  __builtin_trap();
}

/* What lifted wasm32 code does on an access outside guest memory: the pc is inside the function "io". */
static uint64_t fault(void) {
  elfconv_fault(TEXT + 0x88, 0xdeadbee0);
}

static bool equals(uint64_t guest, const char *s) {
  const char *g = guest_string(guest);
  while (*s && *g == *s) g++, s++;
  return *g == *s;
}

/* The entry point: picks the scenario named by argv[1]. */
static uint64_t entry(void) {
  static const struct {
    const char *name;
    uint64_t addr;
  } scenarios[] = {
      {"hello", TEXT + 0x10}, {"args", TEXT + 0x20}, {"stack", TEXT + 0x30}, {"jump", TEXT + 0x40},
      {"jump0", TEXT + 0x50}, {"dispatch", TEXT + 0x60}, {"brk", TEXT + 0x70}, {"io", TEXT + 0x80},
      {"fault", TEXT + 0xb0},
  };
  if (stack()[0] >= 2) {
    for (unsigned i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
      if (equals(stack()[2], scenarios[i].name)) return scenarios[i].addr;
    }
  }
  exit_group(99);
}

/* These eleven addresses take distinct first slots of 32, so no probing is needed to place them. */
const uint32_t elfconv_function_mask = 31;
#define SLOT(addr, function) [ELFCONV_FUNCTION_SLOT(addr, 31)] = {addr, function}
const FunctionSlot elfconv_function_slots[32] = {
    SLOT(TEXT, entry),         SLOT(TEXT + 0x10, hello), SLOT(TEXT + 0x20, args),
    SLOT(TEXT + 0x30, stack_dump), SLOT(TEXT + 0x40, untranslated), SLOT(TEXT + 0x50, untranslated_unknown_branch),
    SLOT(TEXT + 0x60, dispatch), SLOT(TEXT + 0x70, brk),     SLOT(TEXT + 0x80, io),
    SLOT(TEXT + 0xa0, answer),   SLOT(TEXT + 0xb0, fault),
};
