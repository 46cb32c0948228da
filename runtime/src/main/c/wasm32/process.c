/* The process on WASI preview1: identity, limits, CPUs and clocks. WASI has no processes, users or resource
 * limits: the answers are those of a container's first process with Linux's defaults. */
#include "common/files.h"
#include "common/linux.h"
#include "common/runtime.h"
#include "wasi.h"

void host_uname(char out[6][LINUX_UTSNAME_FIELD]) {
  static const char *const fields[6] = {"Linux", "localhost", "6.1.0", "#1 SMP", "aarch64", "(none)"};
  for (int i = 0; i < 6; i++) memcpy(out[i], fields[i], strlen(fields[i]) + 1);
}

/* The machine as the guest sees it: up since the module started, its memory the guest window, all of it free. */
void host_sysinfo(uint8_t out[LINUX_SYSINFO_SIZE]) {
  int64_t uptime = (int64_t)(host_monotonic_nanoseconds() / 1000000000u);
  uint64_t ram = elfconv_window_size;
  uint16_t procs = 1;
  uint32_t unit = 1;
  memcpy(out + 0, &uptime, 8);   /* uptime; loads[3] at 8 stay 0 */
  memcpy(out + 32, &ram, 8);     /* totalram */
  memcpy(out + 40, &ram, 8);     /* freeram; sharedram, bufferram, totalswap, freeswap stay 0 */
  memcpy(out + 80, &procs, 2);   /* procs; totalhigh, freehigh at 88, 96 stay 0 */
  memcpy(out + 104, &unit, 4);   /* mem_unit */
}

/* Linux's defaults for a process started from a shell: 8 MiB of stack, 1024 descriptors, the rest unlimited. */
int64_t host_prlimit(uint32_t resource, uint64_t limits[2]) {
  const uint64_t unlimited = ~(uint64_t)0;
  limits[0] = limits[1] = unlimited;
  if (resource == 3 /* RLIMIT_STACK */) limits[0] = 8u << 20;
  if (resource == 7 /* RLIMIT_NOFILE */) limits[0] = 1024, limits[1] = 1048576;
  if (resource == 4 /* RLIMIT_CORE */) limits[0] = 0;
  return 0;
}

int64_t host_affinity(uint8_t *mask, size_t size) {
  (void)size;
  mask[0] = 1; /* one CPU */
  return 8;
}

static uint32_t wasi_clock(uint32_t clock) {
  switch (clock) {
  case 0: case 5: case 8: return 0;         /* REALTIME, REALTIME_COARSE, REALTIME_ALARM */
  case 2: return 2;                         /* PROCESS_CPUTIME_ID */
  case 3: return 3;                         /* THREAD_CPUTIME_ID */
  default: return 1;                        /* MONOTONIC, MONOTONIC_RAW/COARSE, BOOTTIME */
  }
}

static bool clock_known(uint32_t clock) {
  return clock <= 11 && clock != 10;
}

int64_t host_clock_gettime(uint32_t clock, LinuxTimespec *out) {
  if (!clock_known(clock)) return -LINUX_EINVAL;
  uint64_t now;
  int32_t error = wasi_clock_time_get(wasi_clock(clock), 1, &now);
  if (error) error = wasi_clock_time_get(1, 1, &now); /* engines without CPU-time clocks */
  if (error) return linux_error(error);
  *out = (LinuxTimespec){(int64_t)(now / 1000000000u), (int64_t)(now % 1000000000u)};
  return 0;
}

int64_t host_clock_getres(uint32_t clock, LinuxTimespec *out) {
  if (!clock_known(clock)) return -LINUX_EINVAL;
  /* Linux reports 1 ns for the high-resolution clocks and the tick for the coarse ones; so does QEMU. */
  *out = (LinuxTimespec){0, clock == 5 || clock == 6 ? 4000000 : 1};
  return 0;
}

/* One clock subscription in poll_oneoff: relative, or absolute (flag 1) on the given WASI clock. */
int64_t host_sleep(uint32_t clock, uint32_t flags, const LinuxTimespec *request) {
  if (!clock_known(clock)) return -LINUX_EINVAL;
  struct {
    uint64_t userdata;
    uint8_t tag;
    uint8_t pad[7];
    uint32_t clock;
    uint32_t pad2;
    uint64_t timeout, precision;
    uint16_t flags;
    uint8_t pad3[6];
  } subscription = {0, 0, {0}, wasi_clock(clock), 0,
                    (uint64_t)request->sec * 1000000000u + (uint64_t)request->nsec, 1, (uint16_t)(flags & 1), {0}};
  uint8_t event[32];
  size_t events;
  int32_t error = wasi_poll_oneoff(&subscription, event, 1, &events);
  return error ? linux_error(error) : 0;
}

/* WASI has no processes: the guest answers as the first process of a container would. */
int64_t host_getpid(void) {
  return 1;
}

int64_t host_getppid(void) {
  return 0;
}

/* The first process leads its process group and its session (both 1); there is no other process. */
int64_t host_getpgid(int32_t pid) {
  return pid == 0 || pid == 1 ? 1 : -LINUX_ESRCH;
}

int64_t host_setpgid(int32_t pid, int32_t pgid) {
  if (pgid < 0) return -LINUX_EINVAL;
  if (pid != 0 && pid != 1) return -LINUX_ESRCH;
  return pgid == 0 || pgid == 1 ? 0 : -LINUX_EPERM;
}

int64_t host_getsid(int32_t pid) {
  return host_getpgid(pid);
}

int64_t host_setsid(void) {
  return -LINUX_EPERM; /* a process group leader cannot start a session */
}

static uint64_t cpu_nanoseconds(void) {
  LinuxTimespec t;
  if (host_clock_gettime(2 /* CLOCK_PROCESS_CPUTIME_ID */, &t) < 0) return 0;
  return (uint64_t)t.sec * 1000000000u + (uint64_t)t.nsec;
}

/* All the time is the user's: WASI tells no system time apart. Clock ticks are 1/100 s, as on Linux. */
int64_t host_times(int64_t out[4]) {
  out[0] = (int64_t)(cpu_nanoseconds() / 10000000u);
  out[1] = out[2] = out[3] = 0;
  return (int64_t)(host_monotonic_nanoseconds() / 10000000u);
}

int64_t host_getrusage(int32_t who, uint8_t out[LINUX_RUSAGE_SIZE]) {
  if (who != 0 /* SELF */ && who != -1 /* CHILDREN */ && who != 1 /* THREAD */) return -LINUX_EINVAL;
  memset(out, 0, LINUX_RUSAGE_SIZE);
  if (who != -1) {
    uint64_t ns = cpu_nanoseconds();
    int64_t utime[2] = {(int64_t)(ns / 1000000000u), (int64_t)(ns % 1000000000u / 1000u)};
    memcpy(out, utime, sizeof utime); /* ru_utime, a struct timeval */
  }
  return 0;
}
