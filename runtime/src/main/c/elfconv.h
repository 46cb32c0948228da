/*
 * The contract between lifted guest code and the runtime. One copy of each fact: the Java side
 * (elfconv.runtime.GuestLayout) mirrors these numbers and a test compiles static assertions against them.
 */
#ifndef ELFCONV_H
#define ELFCONV_H

#include <stddef.h>
#include <stdint.h>

/* AArch64 user-visible register file. Lifted functions keep registers in SSA values and write them back here
 * before calls, syscalls, indirect jumps and returns. */
typedef struct GuestState {
  uint64_t x[31];      /* X0..X30 */
  uint64_t sp;
  uint64_t pc;         /* address of the last indirect branch: diagnostics only */
  uint8_t nzcv[4];     /* PSTATE.N, Z, C, V, one byte each (0 or 1): no packing where flags cross calls */
  uint8_t reserved_flags[4];
  uint64_t tpidr_el0;
  uint64_t fpcr;
  uint64_t fpsr;
  /* The single-thread exclusive monitor: the address of the open exclusive access + 1 (0: none), and what the
   * exclusive load read. A store-exclusive succeeds while memory still holds that value, as QEMU decides. */
  uint64_t exclusive_address;
  uint64_t exclusive_value[2];
  __attribute__((aligned(16))) uint8_t v[32][16];
} GuestState;

extern GuestState elfconv_state; /* defined by the runtime */

/* Guest memory: one window [0, elfconv_window_size) of guest addresses; lifted code faults on any other (the top
 * byte aside: TBI).
 * x86_64: guest address g lives at host address ELFCONV_X86_64_GUEST_BASE + g, the window a power of two of at
 *   most 1 TiB of reserved host address space.
 * wasm32: guest address g is linear-memory address g, the window whole wasm pages; the runtime's own data lies
 *   above it. */
#define ELFCONV_X86_64_GUEST_BASE 0x1000000000ULL
#define ELFCONV_X86_64_GUARD (1ull << 20) /* inaccessible host memory on each side of the window */
#define ELFCONV_STACK_SIZE (8u << 20)

extern const uint64_t elfconv_window_size;

#if defined(__wasm__)
#define ELFCONV_MAX_WINDOW (1ull << 32)
#define ELFCONV_WINDOW_MASKED 0
#define GUEST_PTR(g) ((void *)(uintptr_t)(uint32_t)(g))
#else
#define ELFCONV_MAX_WINDOW (1ull << 40)
#define ELFCONV_WINDOW_MASKED 1 /* a power of two */
/* Masked, so that even an unchecked address stays inside the reservation. */
#define GUEST_PTR(g) ((void *)(uintptr_t)(ELFCONV_X86_64_GUEST_BASE + ((uint64_t)(g) & (elfconv_window_size - 1))))
#endif

/* A translated guest function: runs with elfconv_state, returns the guest address to continue at. */
typedef uint64_t (*GuestFunction)(void);

/* Emitted by the lifter into every translated program. */
extern const uint64_t elfconv_entry;            /* ELF entry point */
extern const uint64_t elfconv_phdr;             /* guest address of the program headers (AT_PHDR) */
extern const uint64_t elfconv_phent;
extern const uint64_t elfconv_phnum;
/* Translated functions by guest entry address: open addressing, probing linearly from ELFCONV_FUNCTION_SLOT, at
 * most half the slots used, so that a dispatch costs about one probe. An empty slot has address 0. */
typedef struct FunctionSlot {
  uint64_t addr;
  GuestFunction function;
} FunctionSlot;
#define ELFCONV_FUNCTION_SLOT(addr, mask) ((uint32_t)((((uint64_t)(addr) >> 2) * 0x9E3779B97F4A7C15ull) >> 32) & (mask))
extern const uint32_t elfconv_function_mask;    /* slots - 1, slots a power of two */
extern const FunctionSlot elfconv_function_slots[];
extern const uint32_t elfconv_segment_count;
typedef struct ElfconvSegment {
  uint64_t vaddr, filesz, memsz, offset;        /* offset: into elfconv_image */
} ElfconvSegment;
extern const ElfconvSegment elfconv_segments[];
extern const uint8_t elfconv_image[];           /* the PT_LOAD file bytes, concatenated */

/* Provided by the runtime to lifted code. */
uint64_t elfconv_dispatch(uint64_t target); /* runs the function at target; returns target itself if none */
/* Number in X8, arguments in X0..X5, result to X0. Returns 0, or the guest address to continue at when a signal
 * handler the syscall ran left by longjmp (lifted code resumes there, or returns it to its caller). */
uint64_t elfconv_syscall(void);
/* The guest executed an instruction that raises a signal (an unallocated encoding: SIGILL; BRK: SIGTRAP): a
 * one-line diagnostic naming the address and word, then death by that signal, as the process would die. */
_Noreturn void elfconv_trap(uint64_t pc, uint32_t word, uint32_t signal);
/* A guest access at address outside the mapped guest memory (lifted code checks the window; on x86_64 the host's
 * SIGSEGV handler calls it for unmapped pages): a one-line diagnostic naming the address and the guest function,
 * then death by SIGSEGV, as the process would die. */
_Noreturn void elfconv_fault(uint64_t pc, uint64_t address);
/* Register tracing (programs translated with it only): the register file before the instruction at pc. */
void elfconv_trace_registers(uint64_t pc);
/* CNTVCT_EL0: a monotonic count at CNTFRQ_EL0 = 62.5 MHz (nanoseconds / 16), as QEMU reports it. */
uint64_t elfconv_counter(void);
/* float.c: the fused multiply-add of binary64, rounding to nearest even. */
double elfconv_fma64(double x, double y, double z);
/* Inexact and Underflow (FPSR bits 4, 3) of a double-precision result r from finite operands, exactly: operation
 * 1 multiply, 2 divide, 3 square root, 4 fused a * b + c. Lifted code asks only where its own check cannot tell. */
uint32_t elfconv_fp_exceptions(uint32_t operation, double a, double b, double c, double r);
/* One element of an FP instruction (scalar or Advanced SIMD) under the current FPCR, exactly, its exceptions added to FPSR:
 * `operation` packs what elfconv.semantics.FloatElement describes. */
uint64_t elfconv_fp_element(uint32_t operation, uint64_t a, uint64_t b, uint64_t c);

/* Exit status of a translated program that jumps to an address with no translated code. */
#define ELFCONV_EXIT_UNTRANSLATED 126
/* Exit status of a translated program that stops on any other runtime error (message on stderr). */
#define ELFCONV_EXIT_FATAL 125

#endif
