/* Guest control flow between translated functions: a guest address is looked up in the lifter's hash table of
 * function entry addresses; the function runs and returns the guest address to continue at. */
#include "linux.h"
#include "runtime.h"

GuestState elfconv_state;

GuestFunction lookup_function(uint64_t pc) {
  uint32_t mask = elfconv_function_mask;
  for (uint32_t s = ELFCONV_FUNCTION_SLOT(pc, mask);; s = (s + 1) & mask) {
    const FunctionSlot *slot = &elfconv_function_slots[s];
    if (slot->addr == pc || slot->addr == 0) return slot->function; /* an empty slot's function is NULL */
  }
}

uint64_t elfconv_dispatch(uint64_t target) {
  GuestFunction function = lookup_function(target);
  return function ? function() : target;
}

static _Noreturn void untranslated_jump(uint64_t target) {
  uint64_t branch = elfconv_state.pc;
  if (branch) {
    fatal_exit(ELFCONV_EXIT_UNTRANSLATED, "jump to untranslated address 0x%x (last indirect branch at 0x%x)", target,
               branch);
  }
  fatal_exit(ELFCONV_EXIT_UNTRANSLATED, "jump to untranslated address 0x%x (last indirect branch at unknown)",
             target);
}

uint64_t run_until(uint64_t pc, uint64_t stop) {
  while (pc != stop) {
    GuestFunction function = lookup_function(pc);
    if (!function) return pc;
    pc = function();
  }
  return pc;
}

_Noreturn void run_guest(uint64_t pc) {
  untranslated_jump(run_until(pc, ~(uint64_t)0));
}

_Noreturn void elfconv_trap(uint64_t pc, uint32_t word, uint32_t signal) {
  Line line = {.length = 0};
  line_format(&line, "elfconv: %s at 0x%x (word 0x%x)", signal == LINUX_SIGTRAP ? "breakpoint" : "illegal instruction",
              pc, (uint64_t)word);
  line_write(&line, 2);
  host_die_by_signal((int)signal);
}

uint64_t elfconv_counter(void) {
  return host_monotonic_nanoseconds() / 16;
}

/* These two run once, on a fault: every slot is looked at. */
uint64_t guest_function_containing(uint64_t pc) {
  uint64_t best = 0;
  for (uint32_t s = 0; s <= elfconv_function_mask; s++) {
    uint64_t addr = elfconv_function_slots[s].addr;
    if (addr <= pc && addr > best) best = addr;
  }
  return best;
}

/* Host code is not ordered like guest code. */
uint64_t guest_function_of_host_code(uint64_t host_pc) {
  uint64_t best = 0, best_host = 0;
  for (uint32_t s = 0; s <= elfconv_function_mask; s++) {
    uint64_t host = (uint64_t)(uintptr_t)elfconv_function_slots[s].function;
    if (host <= host_pc && host > best_host) {
      best_host = host;
      best = elfconv_function_slots[s].addr;
    }
  }
  return best;
}

_Noreturn void elfconv_fault(uint64_t pc, uint64_t address) {
  Line line = {.length = 0};
  line_format(&line, "elfconv: segmentation fault at guest address 0x%x (in guest function 0x%x)", address,
              guest_function_containing(pc));
  line_write(&line, 2);
  host_die_by_signal(LINUX_SIGSEGV);
}
