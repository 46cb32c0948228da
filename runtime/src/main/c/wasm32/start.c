/* Process entry of the WASI command module: WASI hands over arguments and environment through calls rather than
 * on a stack, so they are collected into NULL-terminated argv/envp arrays as a kernel would provide. */
#include "wasi.h"

typedef int32_t (*WasiSizesGet)(size_t *count, size_t *buffer_size);
typedef int32_t (*WasiStringsGet)(char **pointers, char *buffer);

static void check(int32_t error, const char *what) {
  if (error) fatal("cannot read the %s from WASI (WASI errno %u)", what, (uint64_t)error);
}

/* Returns the strings as a NULL-terminated array in fresh memory above the guest window. */
static char **collect_strings(WasiSizesGet sizes_get, WasiStringsGet strings_get, const char *what, int *count) {
  size_t n, buffer_size;
  check(sizes_get(&n, &buffer_size), what);
  char **pointers = wasm_grow_memory((n + 1) * sizeof(char *) + buffer_size);
  /* Node's WASI fails the call with EINVAL when there is nothing to get. */
  if (n > 0) check(strings_get(pointers, (char *)(pointers + n + 1)), what);
  pointers[n] = NULL;
  *count = (int)n;
  return pointers;
}

__attribute__((export_name("_start"))) void _start(void) {
  int argc, envc;
  char **argv = collect_strings(wasi_args_sizes_get, wasi_args_get, "arguments", &argc);
  char **envp = collect_strings(wasi_environ_sizes_get, wasi_environ_get, "environment", &envc);
  elfconv_main(argc, argv, envp);
}
