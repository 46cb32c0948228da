/* ELFCONV_STRACE: one line per guest syscall, "name(0x<arg>,...) = <signed decimal result>", in the normalised
 * format the verifier also derives from QEMU's -strace log. Path arguments print as "the string", as QEMU prints
 * them, so that the verifier compares them by content. Calls that do not return end in "= ?". Each line is
 * written with one unbuffered write, so the file is complete whenever the process stops. */
#include "linux.h"
#include "runtime.h"
#include "syscalls.h"

typedef struct SyscallInfo {
  const char *name;
  unsigned args;
} SyscallInfo;

#define SYSCALL_INFO_ENTRY(nr, name, args) [nr] = {#name, args},
static const SyscallInfo syscall_info[] = {LINUX_SYSCALLS(SYSCALL_INFO_ENTRY)};
#undef SYSCALL_INFO_ENTRY

static int trace_fd = -1;

/* Which arguments are paths (bit i: argument i). */
static unsigned path_arguments(uint64_t nr) {
  switch (nr) {
  case SYS_openat: case SYS_newfstatat: case SYS_statx: case SYS_readlinkat: case SYS_faccessat:
  case SYS_faccessat2: case SYS_mkdirat: case SYS_unlinkat:
    return 1u << 1;
  case SYS_renameat: case SYS_renameat2:
    return 1u << 1 | 1u << 3;
  case SYS_chdir: case SYS_execve: case SYS_truncate:
    return 1u;
  default:
    return 0;
  }
}

/* The string, when the guest may read it; else its address. Control characters print as '?': one line per call. */
static void put_path(Line *line, uint64_t addr) {
  char text[256];
  size_t n = 0;
  for (; n < sizeof text - 1; n++) {
    if (!guest_accessible(addr + n, 1, false)) {
      line_format(line, "0x%x", addr);
      return;
    }
    char c = *(const char *)GUEST_PTR(addr + n);
    if (!c) break;
    text[n] = c >= 0x20 && c < 0x7f ? c : '?';
  }
  text[n] = 0;
  line_format(line, "\"%s\"", text);
}

void trace_open(const char *path) {
  int64_t fd = host_create_file(path);
  if (fd < 0) fatal("cannot create the ELFCONV_STRACE file %s (errno %d)", path, -fd);
  trace_fd = (int)fd;
}

static void format_call(Line *line, uint64_t nr, const uint64_t *args) {
  size_t known = sizeof syscall_info / sizeof syscall_info[0];
  SyscallInfo info = nr < known && syscall_info[nr].name ? syscall_info[nr] : (SyscallInfo){NULL, 6};
  if (info.name) {
    line_format(line, "%s(", info.name);
  } else {
    line_format(line, "syscall_%u(", nr);
  }
  unsigned paths = path_arguments(nr);
  for (unsigned i = 0; i < info.args; i++) {
    if (i) line_format(line, ",");
    if (paths & (1u << i)) {
      put_path(line, args[i]);
    } else {
      line_format(line, "0x%x", args[i]);
    }
  }
  line_format(line, ")");
}

void trace_syscall(uint64_t nr, const uint64_t *args, int64_t result) {
  if (trace_fd < 0) return;
  Line line = {.length = 0};
  format_call(&line, nr, args);
  line_format(&line, " = %d", result);
  line_write(&line, trace_fd);
}

void trace_exit(uint64_t nr, const uint64_t *args) {
  if (trace_fd < 0) return;
  Line line = {.length = 0};
  format_call(&line, nr, args);
  line_format(&line, " = ?");
  line_write(&line, trace_fd);
}
