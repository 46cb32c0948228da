/* The guest window [0, elfconv_window_size), laid out the same on both targets so that syscall traces match:
 *
 *   [page 0 unmapped] .. segments .. brk heap ->   <- mmap area (top-down)  [guard gap] [stack] [gap page] end
 *
 * One byte per guest page records whether it is mapped and its protection. On x86_64 the host protection follows
 * it (unmapped pages are PROT_NONE), so a wild guest access faults; on wasm32 the table still decides where mmap
 * places things, so that both targets return the same addresses. */
#include "files.h"
#include "linux.h"
#include "runtime.h"

#define PAGE_MAPPED 0x80u
#define PAGE_PAST_FILE 0x40u /* of a file mapping, wholly past the file's end: an access raises SIGBUS */
#define PAGE_USED 0x20u      /* mapped at some time: may hold non-zero bytes (fresh window pages are zero) */
#define PAGE_PROT_MASK 0x07u
/* Linux's stack_guard_gap: mmap leaves 256 pages free below the stack. */
#define STACK_GUARD_GAP (256u * GUEST_PAGE_SIZE)

static uint8_t page_state[ELFCONV_MAX_WINDOW / GUEST_PAGE_SIZE]; /* zero-filled on demand, like the window */

static struct {
  uint64_t brk_start, brk;
  uint64_t mmap_top;    /* mmap places mappings below this address, highest first */
  uint64_t stack_low;
  uint64_t mmap_min; /* the lowest address a mapping may take */
} memory;

static uint64_t page_align_up(uint64_t addr) {
  return (addr + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
}

static bool page_aligned(uint64_t addr) {
  return (addr & (GUEST_PAGE_SIZE - 1)) == 0;
}

static uint64_t page_index(uint64_t addr) {
  return addr / GUEST_PAGE_SIZE;
}

/* Records pages [addr, addr + length) as mapped with prot (or unmapped) and makes the host agree. Pages past a
 * mapped file's end stay inaccessible on the host whatever their protection. */
static void set_pages(uint64_t addr, uint64_t length, bool mapped, uint32_t prot) {
  uint8_t state = mapped ? (uint8_t)(PAGE_MAPPED | (prot & PAGE_PROT_MASK)) : 0;
  bool past_file = false;
  for (uint64_t p = page_index(addr); p < page_index(addr + length); p++) {
    uint8_t kept = mapped ? page_state[p] & PAGE_PAST_FILE : 0;
    past_file |= kept != 0;
    page_state[p] = state | kept | (mapped ? PAGE_USED : page_state[p] & PAGE_USED);
  }
  host_protect(addr, length, mapped ? prot : 0);
  for (uint64_t p = page_index(addr); past_file && p < page_index(addr + length); p++) {
    if (page_state[p] & PAGE_PAST_FILE) host_protect(p * GUEST_PAGE_SIZE, GUEST_PAGE_SIZE, 0);
  }
}

int guest_fault_signal(uint64_t addr) {
  return guest_range_ok(addr, 1) && (page_state[page_index(addr)] & PAGE_PAST_FILE) ? LINUX_SIGBUS : LINUX_SIGSEGV;
}

/* Zeroes the pages of [addr, addr + length) that were ever mapped: the others are still zero, and on wasm32, where
 * discarding means writing zeros, large fresh mappings cost nothing. */
static void discard_used(uint64_t addr, uint64_t length) {
  uint64_t p = page_index(addr), end = page_index(addr + length);
  while (p < end) {
    if (!(page_state[p] & PAGE_USED)) {
      p++;
      continue;
    }
    uint64_t run = p;
    while (run < end && (page_state[run] & PAGE_USED)) run++;
    host_discard_pages(p * GUEST_PAGE_SIZE, (run - p) * GUEST_PAGE_SIZE);
    p = run;
  }
}

static bool range_free(uint64_t addr, uint64_t length) {
  for (uint64_t p = page_index(addr); p < page_index(addr + length); p++) {
    if (page_state[p] & PAGE_MAPPED) return false;
  }
  return true;
}

static bool range_mapped(uint64_t addr, uint64_t length) {
  for (uint64_t p = page_index(addr); p < page_index(page_align_up(addr + length)); p++) {
    if (!(page_state[p] & PAGE_MAPPED)) return false;
  }
  return true;
}

bool guest_range_ok(uint64_t addr, uint64_t length) {
  return length <= elfconv_window_size && addr <= elfconv_window_size - length;
}

bool guest_accessible(uint64_t addr, uint64_t length, bool write) {
  if (!guest_range_ok(addr, length)) return false;
  uint8_t need = write ? LINUX_PROT_WRITE : LINUX_PROT_READ;
  for (uint64_t p = page_index(addr); p < page_index(page_align_up(addr + length)); p++) {
    if (!(page_state[p] & PAGE_MAPPED) || !(page_state[p] & need) || (page_state[p] & PAGE_PAST_FILE)) return false;
  }
  return true;
}

/* Checks every segment against the window and returns the end of the highest one. */
static uint64_t segments_end(uint64_t window) {
  uint64_t end = 0;
  for (uint32_t i = 0; i < elfconv_segment_count; i++) {
    const ElfconvSegment *s = &elfconv_segments[i];
    if (s->filesz > s->memsz || s->memsz > window || s->vaddr > window - s->memsz) {
      fatal("segment %u at 0x%x (0x%x bytes) does not fit the guest window of 0x%x bytes", (uint64_t)i, s->vaddr,
            s->memsz, window);
    }
    if (s->vaddr + s->memsz > end) end = s->vaddr + s->memsz;
  }
  return end;
}

/* The window is fresh zero-filled memory, so only the file bytes are copied: the rest of memsz (.bss) is already
 * zero, and writing it would commit every page of a large .bss. Segments stay readable and writable: elfconv
 * records no segment flags, and the guest's own mprotect (RELRO) applies for real. */
static void load_segments(void) {
  const uint32_t rwx = LINUX_PROT_READ | LINUX_PROT_WRITE | LINUX_PROT_EXEC;
  for (uint32_t i = 0; i < elfconv_segment_count; i++) {
    const ElfconvSegment *s = &elfconv_segments[i];
    uint64_t start = s->vaddr & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    set_pages(start, page_align_up(s->vaddr + s->memsz) - start, true, rwx);
  }
  for (uint32_t i = 0; i < elfconv_segment_count; i++) {
    const ElfconvSegment *s = &elfconv_segments[i];
    memcpy(GUEST_PTR(s->vaddr), elfconv_image + s->offset, s->filesz);
  }
}

uint64_t memory_init(void) {
  uint64_t window = elfconv_window_size;
  if (window > ELFCONV_MAX_WINDOW || (ELFCONV_WINDOW_MASKED && (window & (window - 1)) != 0) ||
      window < ELFCONV_STACK_SIZE + STACK_GUARD_GAP + 4 * GUEST_PAGE_SIZE) {
    fatal("guest window size 0x%x must be %sat most 0x%x and hold the 0x%x-byte stack", window,
          ELFCONV_WINDOW_MASKED ? "a power of two, " : "", ELFCONV_MAX_WINDOW, (uint64_t)ELFCONV_STACK_SIZE);
  }
  uint64_t stack_top = window - GUEST_PAGE_SIZE;
  memory.stack_low = stack_top - ELFCONV_STACK_SIZE;
  memory.mmap_top = memory.stack_low - STACK_GUARD_GAP;
  memory.brk_start = memory.brk = page_align_up(segments_end(window));
  if (memory.brk_start + GUEST_PAGE_SIZE > memory.mmap_top) {
    fatal("the segments end at 0x%x, too close to the guest stack at 0x%x: use a larger guest window",
          memory.brk_start, memory.stack_low);
  }
  memory.mmap_min = host_map_window(window);
  load_segments();
  set_pages(memory.stack_low, ELFCONV_STACK_SIZE, true, LINUX_PROT_READ | LINUX_PROT_WRITE);
  return stack_top;
}

/* Linux semantics: a request below the start of the heap, or one whose pages (plus a guard page) would meet
 * another mapping, leaves the break unchanged; either way the result is the current break. Pages the break newly
 * covers read as zero, as freshly mapped pages do; bytes within the last partial page survive a shrink. */
int64_t guest_brk(uint64_t request) {
  uint64_t mapped_end = page_align_up(memory.brk), new_end = page_align_up(request);
  if (request < memory.brk_start || request > memory.mmap_top || new_end + GUEST_PAGE_SIZE > memory.mmap_top) {
    return (int64_t)memory.brk;
  }
  if (new_end > mapped_end) {
    if (!range_free(mapped_end, new_end + GUEST_PAGE_SIZE - mapped_end)) return (int64_t)memory.brk;
    discard_used(mapped_end, new_end - mapped_end);
    set_pages(mapped_end, new_end - mapped_end, true, LINUX_PROT_READ | LINUX_PROT_WRITE);
  } else if (new_end < mapped_end) {
    set_pages(new_end, mapped_end - new_end, false, 0);
  }
  memory.brk = request;
  return (int64_t)memory.brk;
}

/* The highest free range of length bytes below the mmap top, as Linux's top-down allocator picks; 0 if none. */
static uint64_t find_free(uint64_t length) {
  uint64_t end = memory.mmap_top;
  while (end >= memory.mmap_min + length) {
    uint64_t start = end - length;
    uint64_t p = page_index(end);
    while (p > page_index(start) && !(page_state[p - 1] & PAGE_MAPPED)) p--;
    if (p == page_index(start)) return start;
    end = (p - 1) * GUEST_PAGE_SIZE; /* below the mapped page that blocked this try */
  }
  return 0;
}

static bool fits_window(uint64_t addr, uint64_t length) {
  return addr >= memory.mmap_min && guest_range_ok(addr, length);
}

int64_t guest_mmap(uint64_t addr, uint64_t length, uint32_t prot, uint32_t flags, int64_t fd, uint64_t offset) {
  if (!page_aligned(offset) || length == 0) return -LINUX_EINVAL;
  uint32_t type = flags & LINUX_MAP_TYPE;
  if (type != LINUX_MAP_SHARED && type != LINUX_MAP_PRIVATE && type != 3 /* MAP_SHARED_VALIDATE */) {
    return -LINUX_EINVAL;
  }
  if (length > elfconv_window_size) return -LINUX_ENOMEM;
  length = page_align_up(length);
  bool anonymous = flags & LINUX_MAP_ANONYMOUS;
  if (!anonymous) {
    int64_t error = file_check_mappable((int)fd);
    if (error) return error;
  }
  bool fixed = flags & (LINUX_MAP_FIXED | LINUX_MAP_FIXED_NOREPLACE);
  if (fixed) {
    if (!page_aligned(addr)) return -LINUX_EINVAL;
    if (!fits_window(addr, length)) return -LINUX_ENOMEM;
    if ((flags & LINUX_MAP_FIXED_NOREPLACE) && !(flags & LINUX_MAP_FIXED) && !range_free(addr, length)) {
      return -LINUX_EEXIST;
    }
  } else {
    addr &= ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (!(addr && fits_window(addr, length) && range_free(addr, length))) addr = find_free(length);
    if (!addr) return -LINUX_ENOMEM;
  }
  discard_used(addr, length);
  set_pages(addr, length, false, 0);
  if (!anonymous) {
    set_pages(addr, length, true, LINUX_PROT_READ | LINUX_PROT_WRITE);
    int64_t read = file_pread_all((int)fd, GUEST_PTR(addr), length, offset);
    if (read < 0) {
      set_pages(addr, length, false, 0);
      return read;
    }
    for (uint64_t p = page_index(addr + page_align_up((uint64_t)read)); p < page_index(addr + length); p++) {
      page_state[p] |= PAGE_PAST_FILE;
    }
  }
  set_pages(addr, length, true, prot);
  return (int64_t)addr;
}

int64_t guest_munmap(uint64_t addr, uint64_t length) {
  if (!page_aligned(addr) || length == 0 || !guest_range_ok(addr, length)) return -LINUX_EINVAL;
  length = page_align_up(length);
  if (!guest_range_ok(addr, length)) return -LINUX_EINVAL;
  discard_used(addr, length);
  set_pages(addr, length, false, 0);
  return 0;
}

int64_t guest_mprotect(uint64_t addr, uint64_t length, uint32_t prot) {
  if (!page_aligned(addr) || (prot & ~(LINUX_PROT_READ | LINUX_PROT_WRITE | LINUX_PROT_EXEC))) return -LINUX_EINVAL;
  length = page_align_up(length);
  if (!guest_range_ok(addr, length) || !range_mapped(addr, length)) return -LINUX_ENOMEM;
  set_pages(addr, length, true, prot);
  return 0;
}

int64_t guest_mremap(uint64_t old_addr, uint64_t old_size, uint64_t new_size, uint32_t flags, uint64_t new_addr) {
  if (!page_aligned(old_addr) || (flags & ~(LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED))) return -LINUX_EINVAL;
  if ((flags & LINUX_MREMAP_FIXED) && !(flags & LINUX_MREMAP_MAYMOVE)) return -LINUX_EINVAL;
  if (new_size == 0 || new_size > elfconv_window_size) return -LINUX_EINVAL;
  old_size = page_align_up(old_size);
  new_size = page_align_up(new_size);
  if (old_size == 0 || !guest_range_ok(old_addr, old_size) || !range_mapped(old_addr, old_size)) {
    return -LINUX_EFAULT;
  }
  uint32_t prot = page_state[page_index(old_addr)] & PAGE_PROT_MASK;
  if (!(flags & LINUX_MREMAP_FIXED)) {
    if (new_size <= old_size) {
      if (new_size < old_size) guest_munmap(old_addr + new_size, old_size - new_size);
      return (int64_t)old_addr;
    }
    uint64_t grow = new_size - old_size;
    if (guest_range_ok(old_addr + old_size, grow) && range_free(old_addr + old_size, grow)) {
      discard_used(old_addr + old_size, grow);
      set_pages(old_addr + old_size, grow, true, prot);
      return (int64_t)old_addr;
    }
    if (!(flags & LINUX_MREMAP_MAYMOVE)) return -LINUX_ENOMEM;
    new_addr = find_free(new_size);
    if (!new_addr) return -LINUX_ENOMEM;
  } else {
    if (!page_aligned(new_addr)) return -LINUX_EINVAL;
    if (!fits_window(new_addr, new_size)) return -LINUX_ENOMEM;
    if (new_addr < old_addr + old_size && old_addr < new_addr + new_size) return -LINUX_EINVAL;
    guest_munmap(new_addr, new_size);
  }
  uint64_t kept = old_size < new_size ? old_size : new_size;
  discard_used(new_addr, new_size);
  set_pages(new_addr, new_size, true, LINUX_PROT_READ | LINUX_PROT_WRITE);
  set_pages(old_addr, kept, true, LINUX_PROT_READ); /* readable for the copy, whatever the guest chose */
  memcpy(GUEST_PTR(new_addr), GUEST_PTR(old_addr), kept);
  set_pages(new_addr, new_size, true, prot);
  guest_munmap(old_addr, old_size);
  return (int64_t)new_addr;
}

int64_t guest_madvise(uint64_t addr, uint64_t length, uint32_t advice) {
  if (!page_aligned(addr)) return -LINUX_EINVAL;
  length = page_align_up(length);
  if (!guest_range_ok(addr, length)) return -LINUX_EINVAL;
  if (!range_mapped(addr, length)) return -LINUX_ENOMEM;
  /* Private mappings only: dropping the pages makes them read as zero again. */
  if (advice == LINUX_MADV_DONTNEED) discard_used(addr, length);
  return 0;
}
