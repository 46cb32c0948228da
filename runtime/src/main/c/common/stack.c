/* The initial process stack, as the Linux kernel builds it for a new AArch64 process (fs/exec.c and
 * create_elf_tables in fs/binfmt_elf.c). From the top down: an 8-byte end marker, the AT_EXECFN string, the
 * environment strings, the argument strings, then (16-byte aligned) the AT_PLATFORM string and the 16 AT_RANDOM
 * bytes, then at the 16-byte aligned stack pointer argc, argv[], NULL, envp[], NULL and the auxv pairs. */
#include "linux.h"
#include "runtime.h"

static uint64_t push(uint64_t *sp, const void *data, size_t size) {
  *sp -= size;
  memcpy(GUEST_PTR(*sp), data, size);
  return *sp;
}

static uint64_t push_string(uint64_t *sp, const char *s) {
  return push(sp, s, strlen(s) + 1);
}

/* Pushes the strings so that strings[0] ends up lowest, as execve copies them; returns its address. */
static uint64_t push_strings(uint64_t *sp, char *const *strings, int count) {
  for (int i = count - 1; i >= 0; i--) push_string(sp, strings[i]);
  return *sp;
}

/* Writes pointers to count consecutive strings starting at guest address first, then NULL; returns the slot after. */
static uint64_t *put_pointers(uint64_t *slot, uint64_t first, char *const *strings, int count) {
  for (int i = 0; i < count; i++) {
    *slot++ = first;
    first += strlen(strings[i]) + 1;
  }
  *slot++ = 0;
  return slot;
}

static uint64_t strings_size(char *const *strings, int count) {
  uint64_t size = 0;
  for (int i = 0; i < count; i++) size += strlen(strings[i]) + 1 + sizeof(uint64_t);
  return size;
}

uint64_t build_initial_stack(uint64_t top, int argc, char **argv, int envc, char **envp) {
  /* Linux refuses (E2BIG) arguments and environment beyond a quarter of the stack limit. */
  uint64_t size = strings_size(argv, argc) + strings_size(envp, envc);
  if (size > ELFCONV_STACK_SIZE / 4) {
    fatal("arguments and environment take %u bytes, more than the guest stack allows (%u)", size,
          (uint64_t)ELFCONV_STACK_SIZE / 4);
  }
  uint64_t sp = top - sizeof(uint64_t);
  uint64_t execfn = push_string(&sp, argc > 0 ? argv[0] : "");
  uint64_t env = push_strings(&sp, envp, envc);
  uint64_t args = push_strings(&sp, argv, argc);
  sp &= ~(uint64_t)15;
  uint64_t platform = push_string(&sp, "aarch64");
  uint8_t random[16];
  host_random(random, sizeof random);
  uint64_t random_addr = push(&sp, random, sizeof random);

  HostIds ids = host_ids();
  /* QEMU's order, so that memory dumps of the two can be compared. */
  const uint64_t auxv[][2] = {
      {AT_PHDR, elfconv_phdr}, {AT_PHENT, elfconv_phent}, {AT_PHNUM, elfconv_phnum},
      {AT_PAGESZ, GUEST_PAGE_SIZE}, {AT_BASE, 0}, {AT_FLAGS, 0},
      {AT_ENTRY, elfconv_entry}, {AT_UID, ids.uid}, {AT_EUID, ids.euid},
      {AT_GID, ids.gid}, {AT_EGID, ids.egid}, {AT_HWCAP, GUEST_HWCAP},
      {AT_CLKTCK, GUEST_CLKTCK}, {AT_RANDOM, random_addr}, {AT_SECURE, 0},
      {AT_EXECFN, execfn}, {AT_HWCAP2, 0}, {AT_PLATFORM, platform},
      {AT_NULL, 0},
  };
  uint64_t words = 1 + (uint64_t)argc + 1 + (uint64_t)envc + 1;
  sp = (sp - words * sizeof(uint64_t) - sizeof auxv) & ~(uint64_t)15;

  uint64_t *slot = GUEST_PTR(sp);
  *slot++ = (uint64_t)argc;
  slot = put_pointers(slot, args, argv, argc);
  slot = put_pointers(slot, env, envp, envc);
  memcpy(slot, auxv, sizeof auxv);
  return sp;
}
