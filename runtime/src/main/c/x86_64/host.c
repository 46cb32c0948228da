/* The host layer on x86_64 Linux: raw system calls. Linux uses the same errno numbers on x86_64 and AArch64, so
 * results pass through unchanged. */
#include "hostcall.h"

enum {
  X86_READ = 0, X86_WRITE = 1, X86_MMAP = 9, X86_MPROTECT = 10, X86_RT_SIGACTION = 13, X86_RT_SIGPROCMASK = 14,
  X86_MADVISE = 28, X86_GETPID = 39, X86_KILL = 62, X86_GETUID = 102, X86_GETGID = 104, X86_GETEUID = 107,
  X86_GETEGID = 108, X86_SIGALTSTACK = 131, X86_CLOCK_GETTIME = 228, X86_EXIT_GROUP = 231, X86_OPENAT = 257, X86_GETRANDOM = 318,
};
enum { PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2 };
enum { MAP_PRIVATE = 0x2, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000, MAP_FIXED_NOREPLACE = 0x100000 };
enum { O_WRONLY = 01, O_CREAT = 0100, O_TRUNC = 01000, O_CLOEXEC = 02000000, AT_FDCWD = -100 };
enum { MADV_DONTNEED = 4 };

/* Lifted code addresses guest memory as base + (register within the window) + displacement, |displacement| below
 * the guard: reserving the whole window and a guard on each side keeps any guest access off host memory. */
#define RESERVATION_START (ELFCONV_X86_64_GUEST_BASE - ELFCONV_X86_64_GUARD)
#define RESERVATION_SIZE (elfconv_window_size + 2 * ELFCONV_X86_64_GUARD)

/* Linux's default vm.mmap_min_addr. */
#define MMAP_MIN_ADDR 0x10000u

/* The window's pages stay PROT_NONE until memory.c maps them: the whole reservation is reserved whatever its size. */
uint64_t host_map_window(uint64_t size) {
  (void)size;
  int64_t start = host_syscall(X86_MMAP, RESERVATION_START, RESERVATION_SIZE, PROT_NONE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, (uint64_t)-1, 0);
  if ((uint64_t)start != RESERVATION_START) {
    fatal("cannot reserve the guest address space (0x%x bytes) at host address 0x%x (mmap returned %d)",
          RESERVATION_SIZE, RESERVATION_START, start);
  }
  return MMAP_MIN_ADDR;
}

/* NORESERVE above keeps the window lazily backed: pages cost memory only once the guest touches them. The host
 * never executes guest memory, so PROT_EXEC is dropped. */
void host_protect(uint64_t guest_addr, uint64_t length, uint32_t prot) {
  if (length == 0) return;
  int64_t error = host_syscall(X86_MPROTECT, (uint64_t)(uintptr_t)GUEST_PTR(guest_addr), length,
                               prot & (PROT_READ | PROT_WRITE), 0, 0, 0);
  if (error) fatal("cannot protect guest pages 0x%x..0x%x (errno %d)", guest_addr, guest_addr + length, -error);
}

void host_discard_pages(uint64_t guest_addr, uint64_t length) {
  host_syscall(X86_MADVISE, (uint64_t)(uintptr_t)GUEST_PTR(guest_addr), length, MADV_DONTNEED, 0, 0, 0);
}

int64_t host_read(int fd, void *buf, size_t length) {
  return host_syscall(X86_READ, (uint64_t)fd, (uint64_t)(uintptr_t)buf, length, 0, 0, 0);
}

int64_t host_write(int fd, const void *buf, size_t length) {
  return host_syscall(X86_WRITE, (uint64_t)fd, (uint64_t)(uintptr_t)buf, length, 0, 0, 0);
}

int64_t host_create_file(const char *path) {
  return host_syscall(X86_OPENAT, (uint64_t)AT_FDCWD, (uint64_t)(uintptr_t)path,
                      O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644, 0, 0);
}

void host_random(void *buf, size_t length) {
  int64_t result = host_syscall(X86_GETRANDOM, (uint64_t)(uintptr_t)buf, length, 0, 0, 0, 0);
  if (result != (int64_t)length) fatal("getrandom failed (result %d)", result);
}

HostIds host_ids(void) {
  return (HostIds){
      .uid = (uint64_t)host_syscall(X86_GETUID, 0, 0, 0, 0, 0, 0),
      .euid = (uint64_t)host_syscall(X86_GETEUID, 0, 0, 0, 0, 0, 0),
      .gid = (uint64_t)host_syscall(X86_GETGID, 0, 0, 0, 0, 0, 0),
      .egid = (uint64_t)host_syscall(X86_GETEGID, 0, 0, 0, 0, 0, 0),
  };
}

_Noreturn void host_exit(int status) {
  for (;;) host_syscall(X86_EXIT_GROUP, (uint64_t)status, 0, 0, 0, 0, 0);
}

/* Lifted frames are larger than the guest's own, so the guest's 8 MiB stack could need far more host stack than
 * the 8 MiB the kernel gave this process: run on 1 GiB, reserved lazily. */
#define HOST_STACK_SIZE (1ull << 30)

/* Guest faults: an access to a guest page that is unmapped or lacks the permission raises SIGSEGV on the host
 * (or SIGBUS). The handler runs on its own stack, since a fault may come from an exhausted stack. */
static uint8_t fault_stack[64 << 10] __attribute__((aligned(16)));

enum { SIGINFO_ADDRESS = 16, UCONTEXT_RIP = 40 + 16 * 8 }; /* si_addr; uc_mcontext.gregs[REG_RIP] */

static void on_fault(int signal, void *info, void *context) {
  uint64_t address = *(uint64_t *)((char *)info + SIGINFO_ADDRESS);
  uint64_t rip = *(uint64_t *)((char *)context + UCONTEXT_RIP);
  if (address - RESERVATION_START >= RESERVATION_SIZE) {
    Line line = {.length = 0};
    line_format(&line, "elfconv: runtime fault (signal %u) at host address 0x%x, host code 0x%x: a bug in elfconv",
                (uint64_t)signal, address, rip);
    line_write(&line, 2);
    host_die_by_signal(signal);
  }
  uint64_t guest_address = address - ELFCONV_X86_64_GUEST_BASE; /* below the window: a "negative" address */
  int guest_signal = guest_fault_signal(guest_address);
  Line line = {.length = 0};
  line_format(&line, "elfconv: %s at guest address 0x%x (in guest function 0x%x)",
              guest_signal == 11 ? "segmentation fault" : "bus error", guest_address,
              guest_function_of_host_code(rip));
  line_write(&line, 2);
  host_die_by_signal(guest_signal);
}

__attribute__((naked)) static void restore_rt(void) {
  __asm__("mov $15, %eax\n\tsyscall"); /* rt_sigreturn: the handler never returns, the kernel wants one anyway */
}

/* The standard signals only: QEMU gives the guest's real-time signals host signals of its own choosing (glibc keeps
 * 32 and 33, which a JVM's children inherit ignored), so they start at their default there. */
uint64_t host_ignored_signals(void) {
  uint64_t ignored = 0;
  for (uint64_t signal = 1; signal < 32; signal++) {
    uint64_t old[4] = {0, 0, 0, 0};
    if (host_syscall(X86_RT_SIGACTION, signal, 0, (uint64_t)(uintptr_t)old, 8, 0, 0) == 0 && old[0] == 1) {
      ignored |= 1ull << (signal - 1);
    }
  }
  return ignored;
}

static void install_signal_handlers(void) {
  struct { uint64_t sp; int32_t flags, pad; uint64_t size; } stack = {(uint64_t)(uintptr_t)fault_stack, 0, 0,
                                                                       sizeof fault_stack};
  host_syscall(X86_SIGALTSTACK, (uint64_t)(uintptr_t)&stack, 0, 0, 0, 0, 0);
  enum { SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTORER = 0x04000000, SA_NODEFER = 0x40000000 };
  uint64_t action[4] = {(uint64_t)(uintptr_t)on_fault, SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_NODEFER,
                        (uint64_t)(uintptr_t)restore_rt, 0};
  host_syscall(X86_RT_SIGACTION, 11, (uint64_t)(uintptr_t)action, 0, 8, 0, 0);
  host_syscall(X86_RT_SIGACTION, 7, (uint64_t)(uintptr_t)action, 0, 8, 0, 0);
  /* A write to a broken pipe fails with EPIPE and the runtime raises the guest's SIGPIPE (see syscall.c). */
  uint64_t ignore[4] = {1 /* SIG_IGN */, SA_RESTORER, (uint64_t)(uintptr_t)restore_rt, 0};
  host_syscall(X86_RT_SIGACTION, 13, (uint64_t)(uintptr_t)ignore, 0, 8, 0, 0);
}

_Noreturn void host_enter(GuestLoop run, uint64_t pc) {
  install_signal_handlers();
  int64_t stack = host_syscall(X86_MMAP, 0, HOST_STACK_SIZE, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, (uint64_t)-1, 0);
  if (stack < 0) fatal("cannot map a host stack of 0x%x bytes (errno %d)", HOST_STACK_SIZE, -stack);
  __asm__ volatile("mov %0, %%rsp\n\t"
                   "call *%1\n\t"
                   "ud2"
                   :
                   : "r"((uint64_t)stack + HOST_STACK_SIZE), "r"(run), "D"(pc)
                   : "memory");
  __builtin_unreachable();
}

/* Default action restored and the signal unblocked, so that the kernel ends the process exactly as it would end
 * the guest (with a core dump where the signal wants one). */
_Noreturn void host_die_by_signal(int signal) {
  uint64_t default_action[4] = {0, 0, 0, 0}; /* handler SIG_DFL, flags, restorer, mask */
  uint64_t mask = 1ull << (signal - 1);
  host_syscall(X86_RT_SIGACTION, (uint64_t)signal, (uint64_t)(uintptr_t)default_action, 0, 8, 0, 0);
  host_syscall(X86_RT_SIGPROCMASK, 1 /* SIG_UNBLOCK */, (uint64_t)(uintptr_t)&mask, 0, 8, 0, 0);
  host_syscall(X86_KILL, (uint64_t)host_syscall(X86_GETPID, 0, 0, 0, 0, 0, 0), (uint64_t)signal, 0, 0, 0, 0);
  host_exit(128 + signal);
}

uint64_t host_monotonic_nanoseconds(void) {
  struct { int64_t seconds, nanoseconds; } now = {0, 0};
  host_syscall(X86_CLOCK_GETTIME, 1 /* CLOCK_MONOTONIC */, (uint64_t)(uintptr_t)&now, 0, 0, 0, 0);
  return (uint64_t)now.seconds * 1000000000u + (uint64_t)now.nanoseconds;
}
