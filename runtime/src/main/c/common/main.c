/* Process start-up shared by both targets: runtime settings, guest memory, the initial stack, then the guest. */
#include "runtime.h"

/* ELFCONV_* variables configure the runtime (ELFCONV_STRACE, ELFCONV_REGTRACE: trace files; ELFCONV_ARGV0; ELFCONV_CWD); the guest must not see them, as it would not when run natively.
 * Removes them from envp in place and returns how many variables are left for the guest. */
static int take_runtime_settings(char **envp, const char **trace_path, const char **register_trace_path,
                                 const char **argv0) {
  int kept = 0;
  for (char **env = envp; *env; env++) {
    if (has_prefix(*env, "ELFCONV_ARGV0=")) *argv0 = *env + sizeof "ELFCONV_ARGV0=" - 1;
    if (has_prefix(*env, "ELFCONV_CWD=")) elfconv_host_cwd = *env + sizeof "ELFCONV_CWD=" - 1;
    if (has_prefix(*env, "ELFCONV_STRACE=")) *trace_path = *env + sizeof "ELFCONV_STRACE=" - 1;
    if (has_prefix(*env, "ELFCONV_REGTRACE=")) *register_trace_path = *env + sizeof "ELFCONV_REGTRACE=" - 1;
    if (!has_prefix(*env, "ELFCONV_")) envp[kept++] = *env;
  }
  envp[kept] = NULL;
  return kept;
}

const char *elfconv_host_cwd;
const char *elfconv_program_name;
static int runtime_files;

int runtime_file_count(void) {
  return runtime_files;
}

/* "used": on x86_64 the only caller is _start's inline assembly, which the optimiser cannot see. */
__attribute__((used)) _Noreturn void elfconv_main(int argc, char **argv, char **envp) {
  const char *trace_path = NULL;
  const char *register_trace_path = NULL;
  const char *argv0 = NULL;
  int envc = take_runtime_settings(envp, &trace_path, &register_trace_path, &argv0);
  /* ELFCONV_ARGV0: what the guest sees as argv[0] when the program must be started by another path (QEMU's -0). */
  if (argv0 && argc > 0) argv[0] = (char *)argv0;
  elfconv_program_name = argc > 0 ? argv[0] : "";
  if (trace_path) trace_open(trace_path);
  if (register_trace_path) register_trace_open(register_trace_path);
  runtime_files = (trace_path ? 1 : 0) + (register_trace_path ? 1 : 0);
  uint64_t stack_top = memory_init();
  elfconv_state.sp = build_initial_stack(stack_top, argc, argv, envc, envp);
  signal_inherit_ignored(host_ignored_signals()); /* before host_enter installs the runtime's own handlers */
  host_enter(run_guest, elfconv_entry);
}
