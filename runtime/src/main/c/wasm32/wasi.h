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
WASI_IMPORT(fd_pread)
int32_t wasi_fd_pread(int32_t fd, const WasiIovec *iovs, size_t count, uint64_t offset, size_t *nread);
WASI_IMPORT(fd_pwrite)
int32_t wasi_fd_pwrite(int32_t fd, const WasiIovec *iovs, size_t count, uint64_t offset, size_t *nwritten);
WASI_IMPORT(fd_close) int32_t wasi_fd_close(int32_t fd);
WASI_IMPORT(fd_seek) int32_t wasi_fd_seek(int32_t fd, int64_t offset, uint8_t whence, uint64_t *position);
WASI_IMPORT(fd_sync) int32_t wasi_fd_sync(int32_t fd);
WASI_IMPORT(fd_filestat_set_size) int32_t wasi_fd_filestat_set_size(int32_t fd, uint64_t size);

/* WASI's filestat and fdstat records. */
typedef struct WasiFilestat {
  uint64_t dev, ino;
  uint8_t filetype;
  uint64_t nlink, size, atim, mtim, ctim;
} WasiFilestat;
typedef struct WasiFdstat {
  uint8_t filetype;
  uint16_t flags;
  uint64_t rights_base, rights_inheriting;
} WasiFdstat;
WASI_IMPORT(fd_filestat_get) int32_t wasi_fd_filestat_get(int32_t fd, WasiFilestat *out);
WASI_IMPORT(fd_fdstat_get) int32_t wasi_fd_fdstat_get(int32_t fd, WasiFdstat *out);
WASI_IMPORT(fd_fdstat_set_flags) int32_t wasi_fd_fdstat_set_flags(int32_t fd, uint16_t flags);
WASI_IMPORT(fd_readdir)
int32_t wasi_fd_readdir(int32_t fd, void *buf, size_t length, uint64_t cookie, size_t *used);
WASI_IMPORT(path_filestat_get)
int32_t wasi_path_filestat_get(int32_t fd, uint32_t flags, const char *path, size_t path_length, WasiFilestat *out);
WASI_IMPORT(path_readlink)
int32_t wasi_path_readlink(int32_t fd, const char *path, size_t path_length, char *buf, size_t length, size_t *used);
WASI_IMPORT(path_create_directory) int32_t wasi_path_create_directory(int32_t fd, const char *path, size_t length);
WASI_IMPORT(path_remove_directory) int32_t wasi_path_remove_directory(int32_t fd, const char *path, size_t length);
WASI_IMPORT(path_unlink_file) int32_t wasi_path_unlink_file(int32_t fd, const char *path, size_t length);
WASI_IMPORT(path_rename)
int32_t wasi_path_rename(int32_t fd, const char *old_path, size_t old_length, int32_t new_fd, const char *new_path,
                         size_t new_length);
WASI_IMPORT(path_link)
int32_t wasi_path_link(int32_t old_fd, uint32_t old_flags, const char *old_path, size_t old_length, int32_t new_fd,
                       const char *new_path, size_t new_length);
WASI_IMPORT(path_symlink)
int32_t wasi_path_symlink(const char *old_path, size_t old_length, int32_t fd, const char *new_path,
                          size_t new_length);
WASI_IMPORT(fd_filestat_set_times)
int32_t wasi_fd_filestat_set_times(int32_t fd, uint64_t atim, uint64_t mtim, uint16_t fstflags);
WASI_IMPORT(path_filestat_set_times)
int32_t wasi_path_filestat_set_times(int32_t fd, uint32_t flags, const char *path, size_t length, uint64_t atim,
                                     uint64_t mtim, uint16_t fstflags);
WASI_IMPORT(clock_res_get) int32_t wasi_clock_res_get(uint32_t clock, uint64_t *resolution);
WASI_IMPORT(poll_oneoff) int32_t wasi_poll_oneoff(const void *in, void *out, size_t count, size_t *events);
WASI_IMPORT(fd_prestat_get) int32_t wasi_fd_prestat_get(int32_t fd, void *out);
WASI_IMPORT(fd_prestat_dir_name) int32_t wasi_fd_prestat_dir_name(int32_t fd, char *name, size_t length);
WASI_IMPORT(random_get) int32_t wasi_random_get(void *buf, size_t length);
WASI_IMPORT(clock_time_get) int32_t wasi_clock_time_get(uint32_t clock, uint64_t precision, uint64_t *time);
WASI_IMPORT(proc_exit) _Noreturn void wasi_proc_exit(uint32_t status);

/* The Linux errno for a WASI errno. */
int64_t linux_error(int32_t wasi_errno);

/* Fresh zeroed linear memory at the current end, for start-up data that must not lie inside the guest window. */
void *wasm_grow_memory(size_t size);

#endif
