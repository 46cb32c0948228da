/* The wasi_snapshot_preview1 functions the runtime imports, and the wasm32 helpers shared by its files. Every
 * function returns a WASI errno (0 = success). */
#ifndef ELFCONV_WASI_H
#define ELFCONV_WASI_H

#include "common/runtime.h"

#define WASI_IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))

typedef struct WasiIovec {
  void *buf;
  size_t length;
} WasiIovec;

WASI_IMPORT(args_sizes_get) int32_t wasi_args_sizes_get(size_t *count, size_t *buffer_size);
WASI_IMPORT(args_get) int32_t wasi_args_get(char **pointers, char *buffer);
WASI_IMPORT(environ_sizes_get) int32_t wasi_environ_sizes_get(size_t *count, size_t *buffer_size);
WASI_IMPORT(environ_get) int32_t wasi_environ_get(char **pointers, char *buffer);
WASI_IMPORT(fd_read) int32_t wasi_fd_read(int32_t fd, const WasiIovec *iovs, size_t count, size_t *nread);
WASI_IMPORT(fd_write) int32_t wasi_fd_write(int32_t fd, const WasiIovec *iovs, size_t count, size_t *nwritten);
WASI_IMPORT(path_open)
int32_t wasi_path_open(int32_t dirfd, uint32_t lookup_flags, const char *path, size_t path_length, uint32_t oflags,
                       uint64_t rights_base, uint64_t rights_inheriting, uint32_t fdflags, int32_t *fd);
WASI_IMPORT(random_get) int32_t wasi_random_get(void *buf, size_t length);
WASI_IMPORT(clock_time_get) int32_t wasi_clock_time_get(uint32_t clock, uint64_t precision, uint64_t *time);
WASI_IMPORT(proc_exit) _Noreturn void wasi_proc_exit(uint32_t status);

/* Fresh zeroed linear memory at the current end, for start-up data that must not lie inside the guest window. */
void *wasm_grow_memory(size_t size);

#endif
