/* Declarations shared by the runtime's own files: the target-independent part (common/) and the host layer each
 * target implements (x86_64/, wasm32/). Lifted code sees only elfconv.h. */
#ifndef ELFCONV_RUNTIME_H
#define ELFCONV_RUNTIME_H

#include <stdbool.h>

#include "elfconv.h"

/* Called by the target's _start with the host's arguments and environment; never returns. */
_Noreturn void elfconv_main(int argc, char **argv, char **envp);

/* main.c: the host directory the guest starts in (ELFCONV_CWD, for WASI, which cannot tell), argv[0], and how
 * many files the runtime holds open for itself (its trace files take the descriptors after the standard streams,
 * as QEMU's log does). */
extern const char *elfconv_host_cwd;
extern const char *elfconv_program_name;
int runtime_file_count(void);

/* libc.c: what clang may emit calls to, and the few string helpers the runtime needs. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int bcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
bool has_prefix(const char *s, const char *prefix);

/* format.c: one line of text built with a tiny printf (%s string, %x hex, %u unsigned decimal, %d signed decimal;
 * every number argument is 64 bits wide). Text beyond the capacity is dropped; the newline always fits. */
#define LINE_CAPACITY 512
typedef struct Line {
  size_t length;
  char text[LINE_CAPACITY];
} Line;
void line_format(Line *line, const char *format, ...);
void line_write(Line *line, int fd); /* appends the newline and writes the line with a single write */
/* Writes "elfconv: <message>" to stderr and exits with ELFCONV_EXIT_FATAL / the given status. */
_Noreturn void fatal(const char *format, ...);
_Noreturn void fatal_exit(int status, const char *format, ...);

/* memory.c: the guest window's layout, the segments and brk. */
uint64_t memory_init(void); /* maps the window, loads the segments; returns the stack top */
bool guest_range_ok(uint64_t addr, uint64_t length);
/* True when every page of [addr, addr + length) is mapped with read (or write) permission. */
bool guest_accessible(uint64_t addr, uint64_t length, bool write);
/* The signal Linux raises for a faulting access at addr: SIGBUS past the end of a mapped file, else SIGSEGV. */
int guest_fault_signal(uint64_t addr);
int64_t guest_brk(uint64_t request);
int64_t guest_mmap(uint64_t addr, uint64_t length, uint32_t prot, uint32_t flags, int64_t fd, uint64_t offset);
int64_t guest_munmap(uint64_t addr, uint64_t length);
int64_t guest_mprotect(uint64_t addr, uint64_t length, uint32_t prot);
int64_t guest_mremap(uint64_t old_addr, uint64_t old_size, uint64_t new_size, uint32_t flags, uint64_t new_addr);
int64_t guest_madvise(uint64_t addr, uint64_t length, uint32_t advice);

/* signal.c: signals the guest sends itself, delivered synchronously at the end of the syscall. */
/* Signals ignored when the process started (bit n - 1 for signal n) stay ignored, as they do across execve. */
void signal_inherit_ignored(uint64_t ignored);
int64_t signal_action(uint64_t signal, uint64_t action, uint64_t old_action, uint64_t set_size);
int64_t signal_procmask(uint64_t how, uint64_t set, uint64_t old_set, uint64_t set_size);
int64_t signal_pending(uint64_t set, uint64_t set_size);
int64_t signal_altstack(uint64_t stack, uint64_t old_stack);
int64_t signal_kill(uint64_t pid, uint64_t signal, bool thread);
/* Makes a signal pending, with the si_code the handler will see. */
void signal_raise(uint64_t signal, int32_t code);
/* rt_sigsuspend: waits, with the given mask, for a signal; Linux's EINTR, the old mask back after its handler. */
int64_t signal_suspend(uint64_t set, uint64_t set_size);
/* Returns 0, or the guest address to continue at when a handler left by longjmp. */
uint64_t signal_deliver_pending(void);

/* timers.c: interval timers, checked when a syscall ends. */
int64_t timer_get(uint64_t which, uint64_t value);
int64_t timer_set(uint64_t which, uint64_t new_value, uint64_t old_value);
/* Raises the signal of every timer that expired. */
void timers_expire(void);
/* Nanoseconds until ITIMER_REAL expires; UINT64_MAX when it is disarmed. */
uint64_t timers_real_left(void);
/* Sleeps until ITIMER_REAL expires and raises SIGALRM; false when it is disarmed. */
bool timers_wait_real(void);

/* stack.c */
uint64_t build_initial_stack(uint64_t top, int argc, char **argv, int envc, char **envp);

/* dispatch.c */
_Noreturn void run_guest(uint64_t pc);
GuestFunction lookup_function(uint64_t pc);
/* Runs the guest from pc until control reaches stop or an address that is no function entry; returns that address
 * (a longjmp target inside some function, which only the lifted callers further up can resume). */
uint64_t run_until(uint64_t pc, uint64_t stop);
/* The entry address of the translated function whose host code holds host_pc (best effort), or 0. */
uint64_t guest_function_of_host_code(uint64_t host_pc);
/* The entry address of the guest function that contains pc, or 0. */
uint64_t guest_function_containing(uint64_t pc);

/* trace.c: the ELFCONV_STRACE syscall log. */
void trace_open(const char *path);
void trace_syscall(uint64_t nr, const uint64_t *args, int64_t result);
void trace_exit(uint64_t nr, const uint64_t *args);

/* register_trace.c: the ELFCONV_REGTRACE log. */
void register_trace_open(const char *path);

/* The host layer, one implementation per target. Results are Linux-style: a count or a negative Linux errno. */
uint64_t host_map_window(uint64_t size); /* guest addresses [0, size) usable, or fatal; returns the lowest one the
                                           guest may map (Linux's mmap_min_addr or above) */
void host_protect(uint64_t guest_addr, uint64_t length, uint32_t prot); /* page-aligned; no-op where unsupported */
void host_discard_pages(uint64_t guest_addr, uint64_t length); /* whole guest pages read as zero again */
int64_t host_read(int fd, void *buf, size_t length);
int64_t host_write(int fd, const void *buf, size_t length);
int64_t host_create_file(const char *path); /* write-only, truncated; returns the host fd */
void host_random(void *buf, size_t length);
typedef struct HostIds {
  uint64_t uid, euid, gid, egid;
} HostIds;
HostIds host_ids(void);
_Noreturn void host_exit(int status);
/* Ends the process by a signal's default action (status 128 + signal where a signal cannot be delivered). */
_Noreturn void host_die_by_signal(int signal);
/* The standard signals the host process inherited as ignored (bit n - 1 for signal n); 0 where the host has none
 * (WASI). */
uint64_t host_ignored_signals(void);
uint64_t host_monotonic_nanoseconds(void);
/* The loop that runs the guest from an address; it never returns. */
typedef void (*GuestLoop)(uint64_t pc);
/* Runs run(pc) on a host stack deep enough for the guest's deepest recursion: every guest call is a host call. */
_Noreturn void host_enter(GuestLoop run, uint64_t pc);

#endif
