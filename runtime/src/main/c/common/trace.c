/* ELFCONV_STRACE: one line per guest syscall, "name(0x<arg>,...) = <signed decimal result>", in the normalised
 * format the verifier also derives from QEMU's -strace log. Calls that do not return end in "= ?". Each line is
 * written with one unbuffered write, so the file is complete whenever the process stops. */
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
  for (unsigned i = 0; i < info.args; i++) line_format(line, i ? ",0x%x" : "0x%x", args[i]);
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
