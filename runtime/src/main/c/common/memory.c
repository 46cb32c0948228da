/* The guest window [0, elfconv_window_size), laid out the same on both targets so that syscall traces match:
 *
 *   0 .. segments .. brk heap ->   (future mmap area, top-down)   [stack: ELFCONV_STACK_SIZE] [gap page] end
 */
#include "linux.h"
#include "runtime.h"

static struct {
  uint64_t brk_start, brk;
  uint64_t heap_limit; /* lowest mapping above the heap: the stack now, the lowest mmap once mmap exists */
} memory;

static uint64_t page_align_up(uint64_t addr) {
  return (addr + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
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
 * zero, and writing it would commit every page of a large .bss. */
static void load_segments(void) {
  for (uint32_t i = 0; i < elfconv_segment_count; i++) {
    const ElfconvSegment *s = &elfconv_segments[i];
    memcpy(GUEST_PTR(s->vaddr), elfconv_image + s->offset, s->filesz);
  }
}

uint64_t memory_init(void) {
  uint64_t window = elfconv_window_size;
  if (window > (1ull << 32) || window < ELFCONV_STACK_SIZE + 2 * GUEST_PAGE_SIZE) {
    fatal("guest window size 0x%x must be at most 4 GiB and hold the 0x%x-byte stack", window,
          (uint64_t)ELFCONV_STACK_SIZE);
  }
  uint64_t stack_top = window - GUEST_PAGE_SIZE;
  memory.heap_limit = stack_top - ELFCONV_STACK_SIZE;
  memory.brk_start = memory.brk = page_align_up(segments_end(window));
  if (memory.brk_start + GUEST_PAGE_SIZE > memory.heap_limit) {
    fatal("the segments end at 0x%x, too close to the guest stack at 0x%x: use a larger guest window",
          memory.brk_start, memory.heap_limit);
  }
  host_map_window(window);
  load_segments();
  return stack_top;
}

bool guest_range_ok(uint64_t addr, uint64_t length) {
  return length <= elfconv_window_size && addr <= elfconv_window_size - length;
}

/* Linux semantics: a request below the start of the heap, or one that would leave less than a guard page below
 * the next mapping, leaves the break unchanged; either way the result is the current break. Pages the break
 * newly covers read as zero, as freshly mapped pages do; bytes within the last partial page survive a shrink. */
int64_t guest_brk(uint64_t request) {
  if (request < memory.brk_start || request > memory.heap_limit ||
      page_align_up(request) + GUEST_PAGE_SIZE > memory.heap_limit) {
    return (int64_t)memory.brk;
  }
  uint64_t mapped_end = page_align_up(memory.brk), new_end = page_align_up(request);
  if (new_end > mapped_end) host_discard_pages(mapped_end, new_end - mapped_end);
  memory.brk = request;
  return (int64_t)memory.brk;
}
