/* The host layer on WASI preview1. The guest window is linear memory [0, window size); the module is linked with
 * wasm-ld --global-base=<window size>, so the runtime's data and shadow stack lie above it. */
#include "wasi.h"

#define WASM_PAGE_SIZE 65536u
/* Where the trace file is created: the first preopened directory, the host's current directory. */
#define WASI_FIRST_PREOPEN 3
#define WASI_OFLAGS_CREAT 1u
#define WASI_OFLAGS_TRUNC 8u
#define WASI_RIGHT_FD_WRITE (1ull << 6)

/* Linked in by wasm-ld: the lowest address of the runtime's data, and the end of the shadow stack, which fills
 * linear memory from 0 (wasm-ld --stack-first) so that its overflow traps. */
extern char __global_base, __stack_high;

/* The Linux errno for each WASI errno, in WASI's order; WASI's notcapable has no Linux counterpart: EACCES. */
static const uint8_t linux_errno[] = {
    /*  0 success .. 9 badmsg         */ 0, 7, 13, 98, 99, 97, 11, 114, 9, 74,
    /* 10 busy .. 19 dquot            */ 16, 125, 10, 103, 111, 104, 35, 89, 33, 122,
    /* 20 exist .. 29 io              */ 17, 14, 27, 113, 43, 84, 115, 4, 22, 5,
    /* 30 isconn .. 39 netreset       */ 106, 21, 40, 24, 31, 90, 72, 36, 100, 102,
    /* 40 netunreach .. 49 nomsg      */ 101, 23, 105, 19, 2, 8, 37, 67, 12, 42,
    /* 50 noprotoopt .. 59 notty      */ 92, 28, 38, 107, 20, 39, 131, 88, 95, 25,
    /* 60 nxio .. 69 rofs             */ 6, 75, 130, 1, 32, 71, 93, 91, 34, 30,
    /* 70 spipe .. 76 notcapable      */ 29, 3, 116, 110, 26, 18, 13,
};

int64_t linux_error(int32_t wasi_errno) {
  uint32_t index = (uint32_t)wasi_errno;
  return -(int64_t)(index < sizeof linux_errno ? linux_errno[index] : 5 /* EIO */);
}

void *wasm_grow_memory(size_t size) {
  size_t old_pages = __builtin_wasm_memory_grow(0, (size + WASM_PAGE_SIZE - 1) / WASM_PAGE_SIZE);
  if (old_pages == (size_t)-1) fatal("out of WebAssembly memory growing by %u bytes", (uint64_t)size);
  return (void *)(old_pages * WASM_PAGE_SIZE);
}

uint64_t host_map_window(uint64_t size) {
  if ((uintptr_t)&__global_base < size) {
    fatal("the runtime's data lies inside the guest window: link with wasm-ld --global-base=%u", size);
  }
  uint64_t available = (uint64_t)__builtin_wasm_memory_size(0) * WASM_PAGE_SIZE;
  if (available < size) wasm_grow_memory((size_t)(size - available));
  uint64_t stack_end = (uintptr_t)&__stack_high;
  return stack_end > 0x10000u ? stack_end : 0x10000u; /* Linux's mmap_min_addr */
}

/* WebAssembly has no page protection: wild accesses inside the window are not caught here. */
void host_protect(uint64_t guest_addr, uint64_t length, uint32_t prot) {
  (void)guest_addr, (void)length, (void)prot;
}

void host_discard_pages(uint64_t guest_addr, uint64_t length) {
  memset(GUEST_PTR(guest_addr), 0, (size_t)length);
}

int64_t host_read(int fd, void *buf, size_t length) {
  WasiIovec iov = {buf, length};
  size_t done;
  int32_t error = wasi_fd_read(fd, &iov, 1, &done);
  return error ? linux_error(error) : (int64_t)done;
}

int64_t host_write(int fd, const void *buf, size_t length) {
  WasiIovec iov = {(void *)buf, length};
  size_t done;
  int32_t error = wasi_fd_write(fd, &iov, 1, &done);
  return error ? linux_error(error) : (int64_t)done;
}

/* The preopened directory whose name leads path ("/a/b" for "/a/b/file"), and where the rest of path starts. */
static int32_t preopen_holding(const char *path, const char **rest) {
  for (int32_t fd = WASI_FIRST_PREOPEN; fd < WASI_FIRST_PREOPEN + 16; fd++) {
    struct { uint8_t tag; uint32_t name_length; } prestat;
    char name[256];
    if (wasi_fd_prestat_get(fd, &prestat) != 0) break;
    if (prestat.tag != 0 || prestat.name_length >= sizeof name) continue;
    if (wasi_fd_prestat_dir_name(fd, name, prestat.name_length) != 0) continue;
    size_t n = prestat.name_length;
    if (n > 1 && memcmp(path, name, n) == 0 && path[n] == '/') {
      *rest = path + n + 1;
      return fd;
    }
  }
  return -1;
}

/* A relative path lies in the first preopened directory (the guest's working directory); an absolute one in the
 * preopened directory of that name, which the embedder adds for the runtime's own files. */
int64_t host_create_file(const char *path) {
  int32_t dir = WASI_FIRST_PREOPEN;
  if (path[0] == '/') {
    dir = preopen_holding(path, &path);
    if (dir < 0) return -2 /* ENOENT: no such preopened directory */;
  }
  int32_t fd;
  int32_t error = wasi_path_open(dir, 0, path, strlen(path), WASI_OFLAGS_CREAT | WASI_OFLAGS_TRUNC,
                                 WASI_RIGHT_FD_WRITE, 0, 0, &fd);
  return error ? linux_error(error) : fd;
}

void host_random(void *buf, size_t length) {
  int32_t error = wasi_random_get(buf, length);
  if (error) fatal("random_get failed (WASI errno %u)", (uint64_t)error);
}

/* A WASI process has no user or group identity; report root like a container would. */
HostIds host_ids(void) {
  return (HostIds){0, 0, 0, 0};
}

/* wasmtime refuses proc_exit codes from 126 up (it reserves them for traps). Such a status is kept here and the
 * module traps; the embedder reads it back through the exported elfconv_exit_status(). */
static int32_t pending_exit_status = -1;

__attribute__((export_name("elfconv_exit_status"))) int32_t elfconv_exit_status(void) {
  return pending_exit_status;
}

_Noreturn void host_exit(int status) {
  if (status >= 0 && status < 126) {
    wasi_proc_exit((uint32_t)status);
  }
  pending_exit_status = status;
  __builtin_trap();
}

/* The engine owns the wasm stack; its depth is the embedder's setting (elfconv's runner allows deep recursion). */
_Noreturn void host_enter(GuestLoop run, uint64_t pc) {
  run(pc);
  __builtin_unreachable();
}

/* WASI has no signals: the status a shell would show for a death by this signal. */
_Noreturn void host_die_by_signal(int signal) {
  host_exit(128 + signal);
}

/* WASI passes no signal dispositions: the guest starts with every signal at its default. */
uint64_t host_ignored_signals(void) {
  return 0;
}

uint64_t host_monotonic_nanoseconds(void) {
  uint64_t now = 0;
  wasi_clock_time_get(1 /* monotonic */, 1, &now);
  return now;
}
