/* The process on x86_64: identity, limits, CPUs and clocks are the host's, as QEMU passes them through. */
#include "common/files.h"
#include "hostcall.h"

#define P(x) ((uint64_t)(uintptr_t)(x))

enum { X86_GETPID = 39, X86_GETPPID = 110, X86_CLOCK_GETTIME = 228, X86_CLOCK_GETRES = 229, X86_CLOCK_NANOSLEEP = 230 };

int64_t host_clock_gettime(uint32_t clock, LinuxTimespec *out) {
  return host_syscall(X86_CLOCK_GETTIME, clock, P(out), 0, 0, 0, 0);
}

int64_t host_clock_getres(uint32_t clock, LinuxTimespec *out) {
  return host_syscall(X86_CLOCK_GETRES, clock, P(out), 0, 0, 0, 0);
}

int64_t host_sleep(uint32_t clock, uint32_t flags, const LinuxTimespec *request) {
  return host_syscall(X86_CLOCK_NANOSLEEP, clock, flags, P(request), 0, 0, 0);
}

int64_t host_getpid(void) {
  return host_syscall(X86_GETPID, 0, 0, 0, 0, 0, 0);
}

int64_t host_getppid(void) {
  return host_syscall(X86_GETPPID, 0, 0, 0, 0, 0, 0);
}

int64_t host_getpgid(int32_t pid) {
  return host_syscall(121 /* getpgid */, (uint64_t)(int64_t)pid, 0, 0, 0, 0, 0);
}

int64_t host_setpgid(int32_t pid, int32_t pgid) {
  return host_syscall(109 /* setpgid */, (uint64_t)(int64_t)pid, (uint64_t)(int64_t)pgid, 0, 0, 0, 0);
}

int64_t host_getsid(int32_t pid) {
  return host_syscall(124 /* getsid */, (uint64_t)(int64_t)pid, 0, 0, 0, 0, 0);
}

int64_t host_setsid(void) {
  return host_syscall(112 /* setsid */, 0, 0, 0, 0, 0, 0);
}

int64_t host_times(int64_t out[4]) {
  return host_syscall(100 /* times */, P(out), 0, 0, 0, 0, 0);
}

int64_t host_getrusage(int32_t who, uint8_t out[LINUX_RUSAGE_SIZE]) {
  return host_syscall(98 /* getrusage */, (uint64_t)(int64_t)who, P(out), 0, 0, 0, 0);
}

int64_t host_prlimit(uint32_t resource, uint64_t limits[2]) {
  return host_syscall(302 /* prlimit64 */, 0, resource, 0, P(limits), 0, 0);
}

int64_t host_affinity(uint8_t *mask, size_t size) {
  return host_syscall(204 /* sched_getaffinity */, 0, size, P(mask), 0, 0, 0);
}

void host_sysinfo(uint8_t out[LINUX_SYSINFO_SIZE]) {
  host_syscall(99 /* sysinfo */, P(out), 0, 0, 0, 0, 0);
}

void host_uname(char out[6][LINUX_UTSNAME_FIELD]) {
  host_syscall(63 /* uname */, P(out), 0, 0, 0, 0, 0);
  memcpy(out[4], "aarch64", sizeof "aarch64");
}
