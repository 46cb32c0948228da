/* The guest's files on WASI preview1. Guest descriptors index a table over WASI descriptors, so that the guest
 * gets the numbers Linux would hand out; paths resolve against a tracked current directory below the preopened
 * host directory (ELFCONV_CWD names it, so that getcwd and absolute paths inside it work); WASI records become
 * Linux structures. Pipes live in memory. Paths outside the preopened directory do not exist here (ENOENT). */
#include "common/files.h"
#include "common/linux.h"
#include "wasi.h"

#define MAX_FILES 256
#define PATH_MAX 4096
#define WASI_PREOPEN 3
#define PIPE_CAPACITY 65536
#define MAX_PIPES 8

enum { FREE = 0, WASI_FILE, PIPE_END, DEVICE, RESERVED };
enum { WASI_FILETYPE_BLOCK = 1, WASI_FILETYPE_CHAR = 2, WASI_FILETYPE_DIR = 3, WASI_FILETYPE_FILE = 4,
       WASI_FILETYPE_SYMLINK = 7 };
/* WASI rights: what a descriptor opened for reading, for writing, and as a directory may do. Every open file can
   seek, tell, change its flags, take advice and be fstat'ed, as on Linux. */
#define RIGHTS_ANY ((1ull << 2) | (1ull << 3) | (1ull << 5) | (1ull << 7) | (1ull << 21))
#define RIGHTS_READ (RIGHTS_ANY | (1ull << 1) | (1ull << 14))
#define RIGHTS_WRITE (RIGHTS_ANY | (1ull << 0) | (1ull << 4) | (1ull << 6) | (1ull << 8) | (1ull << 22) | (1ull << 23))
#define RIGHTS_DIRECTORY (0x0f7fe00ull | (1ull << 14) | (1ull << 21) | (1ull << 2) | (1ull << 5))

typedef struct GuestFile {
  uint8_t kind;
  bool cloexec;
  int32_t wasi;        /* WASI_FILE: the WASI descriptor (shared by dup'ed descriptors); PIPE_END: the pipe;
                          DEVICE: its index in DEVICES */
  uint32_t flags;      /* the open flags, as F_GETFL reports them */
  uint64_t dir_cookie; /* where getdents64 continues */
} GuestFile;

typedef struct Pipe {
  uint8_t data[PIPE_CAPACITY];
  uint32_t start, length;
} Pipe;

static GuestFile table[MAX_FILES];
static Pipe *pipes[MAX_PIPES];
static char cwd[PATH_MAX]; /* relative to the preopened directory, "" at its root */
static bool table_ready;
static uint32_t umask_value = 022;

/* WASI has no permission bits. The files and directories the guest creates keep the ones it asked for (less the
   umask), by device and inode, so that a program stat'ing what it made reads back its own mode, as on Linux;
   anything else reads as 0644 (0755 for a directory). */
#define MAX_CREATED 256
static struct {
  uint64_t dev, ino;
  uint32_t permissions;
} created[MAX_CREATED];
static uint32_t created_count;

static void set_permissions(const WasiFilestat *s, uint32_t permissions) {
  uint32_t i = 0;
  while (i < created_count && !(created[i].dev == s->dev && created[i].ino == s->ino)) i++;
  if (i == MAX_CREATED) i = created_count = 0; /* full: start over */
  if (i == created_count) created_count++;
  created[i].dev = s->dev;
  created[i].ino = s->ino;
  created[i].permissions = permissions & 07777;
}

static void remember_permissions(int32_t dir, const char *rel, uint32_t mode) {
  WasiFilestat s;
  if (wasi_path_filestat_get(dir, 0, rel, strlen(rel), &s) == 0) set_permissions(&s, mode & ~umask_value);
}

/* Standard streams, then the runtime's own trace files at the numbers QEMU's log would take. */
static void table_init(void) {
  if (table_ready) return;
  table_ready = true;
  for (int fd = 0; fd < 3; fd++) table[fd] = (GuestFile){WASI_FILE, false, fd, fd == 0 ? 0 : LINUX_O_WRONLY, 0};
  for (int i = 0; i < runtime_file_count(); i++) table[3 + i].kind = RESERVED;
}

static GuestFile *file(int fd) {
  table_init();
  return fd >= 0 && fd < MAX_FILES && (table[fd].kind == WASI_FILE || table[fd].kind == PIPE_END
                                        || table[fd].kind == DEVICE) ? &table[fd] : NULL;
}

static int allocate(int lowest) {
  table_init();
  for (int fd = lowest < 0 ? 0 : lowest; fd < MAX_FILES; fd++) {
    if (table[fd].kind == FREE) return fd;
  }
  return -LINUX_EMFILE;
}

static int64_t wasi_result(int32_t error, int64_t value) {
  return error ? linux_error(error) : value;
}

/* ---- paths ---- */

/* Appends path to out (holding a normalised relative path), resolving "." and ".."; false if it climbs out. */
static bool append_path(char *out, const char *path) {
  size_t length = strlen(out);
  while (*path) {
    while (*path == '/') path++;
    const char *end = path;
    while (*end && *end != '/') end++;
    size_t part = (size_t)(end - path);
    if (part == 0 || (part == 1 && path[0] == '.')) {
      /* nothing */
    } else if (part == 2 && path[0] == '.' && path[1] == '.') {
      if (length == 0) return false;
      while (length > 0 && out[length - 1] != '/') length--;
      if (length > 0) length--;
    } else {
      if (length + part + 2 >= PATH_MAX) return false;
      if (length > 0) out[length++] = '/';
      memcpy(out + length, path, part);
      length += part;
    }
    out[length] = 0;
    path = end;
  }
  out[length] = 0;
  return true;
}

/* The WASI directory and path a guest (dirfd, path) pair names; 0 or a negative errno. */
static int64_t resolve(int dirfd, const char *path, int32_t *dir, char out[PATH_MAX]) {
  out[0] = 0;
  if (path[0] == '/') {
    const char *root = elfconv_host_cwd ? elfconv_host_cwd : "";
    size_t root_length = strlen(root);
    while (root_length > 0 && root[root_length - 1] == '/') root_length--;
    if (!elfconv_host_cwd || memcmp(path, root, root_length) != 0 || (path[root_length] && path[root_length] != '/')) {
      return -LINUX_ENOENT;
    }
    *dir = WASI_PREOPEN;
    if (!append_path(out, path + root_length)) return -LINUX_ENOENT;
  } else if (dirfd == LINUX_AT_FDCWD) {
    *dir = WASI_PREOPEN;
    memcpy(out, cwd, strlen(cwd) + 1);
    if (!append_path(out, path)) return -LINUX_ENOENT;
  } else {
    GuestFile *f = file(dirfd);
    if (!f) return -LINUX_EBADF;
    if (f->kind != WASI_FILE) return -LINUX_ENOTDIR;
    *dir = f->wasi;
    size_t length = strlen(path);
    if (length >= PATH_MAX) return -LINUX_ENAMETOOLONG;
    memcpy(out, path, length + 1);
  }
  if (!out[0]) memcpy(out, ".", 2);
  return 0;
}

/* ---- open, close, transfer ---- */

/* The character devices programs open by name (SQLite seeds itself from /dev/urandom), which WASI does not
 * show: the runtime answers for them. */
static const char *const DEVICES[] = {"/dev/null", "/dev/zero", "/dev/urandom", "/dev/random"};
enum { DEV_NULL, DEV_ZERO };

static int device_of(const char *path) {
  for (int i = 0; i < (int)(sizeof DEVICES / sizeof DEVICES[0]); i++) {
    if (strlen(path) == strlen(DEVICES[i]) && memcmp(path, DEVICES[i], strlen(path)) == 0) return i;
  }
  return -1;
}

static int64_t device_read(int device, void *buf, size_t length) {
  if (device == DEV_NULL) return 0;
  if (device == DEV_ZERO) {
    memset(buf, 0, length);
  } else {
    host_random(buf, length);
  }
  return (int64_t)length;
}

static void device_stat(int device, WasiFilestat *out) {
  *out = (WasiFilestat){0, (uint64_t)device + 1, WASI_FILETYPE_CHAR, 1, 0, 0, 0, 0};
}

int64_t files_openat(int dirfd, const char *path, uint32_t flags, uint32_t mode) {
  /* The guest has no controlling terminal (WASI has none to give), as a process started without one. */
  if (strlen(path) == 8 && memcmp(path, "/dev/tty", 8) == 0) return -LINUX_ENXIO;
  int device = device_of(path);
  if (device >= 0) {
    if (flags & LINUX_O_DIRECTORY) return -LINUX_ENOTDIR;
    int fd = allocate(0);
    if (fd < 0) return fd;
    table[fd] = (GuestFile){DEVICE, (flags & LINUX_O_CLOEXEC) != 0, device,
                            flags & ~(LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_TRUNC | LINUX_O_CLOEXEC | LINUX_O_NOCTTY |
                                      LINUX_O_LARGEFILE),
                            0};
    return fd;
  }
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error) return error;
  WasiFilestat before;
  bool creates = (flags & LINUX_O_CREAT) && wasi_path_filestat_get(dir, 1, rel, strlen(rel), &before) != 0;
  int fd = allocate(0);
  if (fd < 0) return fd;
  uint32_t access = flags & LINUX_O_ACCMODE;
  uint32_t oflags = (flags & LINUX_O_CREAT ? 1u : 0) | (flags & LINUX_O_DIRECTORY ? 2u : 0) |
                    (flags & LINUX_O_EXCL ? 4u : 0) | (flags & LINUX_O_TRUNC ? 8u : 0);
  uint16_t fdflags = (uint16_t)((flags & LINUX_O_APPEND ? 1u : 0) | (flags & LINUX_O_NONBLOCK ? 4u : 0));
  uint64_t rights = (access != LINUX_O_WRONLY ? RIGHTS_READ : 0) | (access != LINUX_O_RDONLY ? RIGHTS_WRITE : 0);
  if (flags & LINUX_O_DIRECTORY) rights = RIGHTS_DIRECTORY;
  int32_t wasi;
  int32_t result = wasi_path_open(dir, flags & LINUX_O_NOFOLLOW ? 0 : 1, rel, strlen(rel), oflags, rights,
                                  RIGHTS_READ | RIGHTS_WRITE | RIGHTS_DIRECTORY, fdflags, &wasi);
  if (result == 31 /* isdir */ || (result == 0 && !(flags & LINUX_O_DIRECTORY) && access == LINUX_O_RDONLY)) {
    /* A directory opened without O_DIRECTORY (as open(dir, O_RDONLY) may): open it as one. */
    WasiFilestat stat;
    if (wasi_path_filestat_get(dir, 1, rel, strlen(rel), &stat) == 0 && stat.filetype == WASI_FILETYPE_DIR) {
      if (result == 0) wasi_fd_close(wasi);
      if (access != LINUX_O_RDONLY) return -LINUX_EISDIR;
      result = wasi_path_open(dir, 1, rel, strlen(rel), 2, RIGHTS_DIRECTORY, RIGHTS_READ | RIGHTS_WRITE |
                              RIGHTS_DIRECTORY, 0, &wasi);
    }
  }
  if (result) return linux_error(result);
  if (creates) remember_permissions(dir, rel, mode);
  table[fd] = (GuestFile){WASI_FILE, (flags & LINUX_O_CLOEXEC) != 0, wasi,
                          flags & ~(LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_TRUNC | LINUX_O_CLOEXEC | LINUX_O_NOCTTY |
                                    LINUX_O_LARGEFILE),
                          0};
  return fd;
}

static bool shared(int fd) {
  for (int other = 0; other < MAX_FILES; other++) {
    if (other != fd && table[other].kind == table[fd].kind && table[other].wasi == table[fd].wasi) return true;
  }
  return false;
}

int64_t files_close(int fd) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  if (!shared(fd)) {
    if (f->kind == WASI_FILE && fd > 2) wasi_fd_close(f->wasi);
    /* The last end of a pipe gone: its data with it. */
    if (f->kind == PIPE_END && !shared(fd) && pipes[f->wasi]) {
      bool other_end_open = false;
      for (int i = 0; i < MAX_FILES; i++) other_end_open |= i != fd && table[i].kind == PIPE_END && table[i].wasi == f->wasi;
      if (!other_end_open) pipes[f->wasi]->length = 0;
    }
  }
  table[fd] = (GuestFile){FREE, false, 0, 0, 0};
  return 0;
}

static bool pipe_end_open(int pipe, uint32_t access) {
  for (int i = 0; i < MAX_FILES; i++) {
    if (table[i].kind == PIPE_END && table[i].wasi == pipe && (table[i].flags & LINUX_O_ACCMODE) == access) return true;
  }
  return false;
}

static int64_t pipe_read(GuestFile *f, uint8_t *buf, size_t length) {
  if ((f->flags & LINUX_O_ACCMODE) != LINUX_O_RDONLY) return -LINUX_EBADF;
  Pipe *p = pipes[f->wasi];
  if (p->length == 0) {
    if (!pipe_end_open(f->wasi, LINUX_O_WRONLY)) return 0;
    if (f->flags & LINUX_O_NONBLOCK) return -LINUX_EAGAIN;
    fatal("read from an empty pipe would block forever: the guest has a single thread");
  }
  size_t n = length < p->length ? length : p->length;
  for (size_t i = 0; i < n; i++) buf[i] = p->data[(p->start + i) % PIPE_CAPACITY];
  p->start = (uint32_t)((p->start + n) % PIPE_CAPACITY);
  p->length -= (uint32_t)n;
  return (int64_t)n;
}

static int64_t pipe_write(GuestFile *f, const uint8_t *buf, size_t length) {
  if ((f->flags & LINUX_O_ACCMODE) != LINUX_O_WRONLY) return -LINUX_EBADF;
  Pipe *p = pipes[f->wasi];
  if (!pipe_end_open(f->wasi, LINUX_O_RDONLY)) return -LINUX_EPIPE;
  size_t n = length < PIPE_CAPACITY - p->length ? length : PIPE_CAPACITY - p->length;
  if (n == 0 && length > 0) {
    if (f->flags & LINUX_O_NONBLOCK) return -LINUX_EAGAIN;
    fatal("write to a full pipe would block forever: the guest has a single thread");
  }
  for (size_t i = 0; i < n; i++) p->data[(p->start + p->length + i) % PIPE_CAPACITY] = buf[i];
  p->length += (uint32_t)n;
  return (int64_t)n;
}

/* elfconv's runner serves fd_read itself for the standard input only (see StandardInput), so files are read at
 * their position with fd_pread, which then moves on; streams that cannot seek take fd_read. */
static int64_t seekable_read(int32_t wasi, void *buf, size_t length) {
  uint64_t position;
  if (wasi == 0 || wasi_fd_seek(wasi, 0, 1 /* CUR */, &position) != 0) return host_read(wasi, buf, length);
  WasiIovec iov = {buf, length};
  size_t done;
  int32_t error = wasi_fd_pread(wasi, &iov, 1, position, &done);
  if (error == 8 /* badf: not readable */ || error == 31 /* isdir */) return linux_error(error);
  if (error) return host_read(wasi, buf, length);
  wasi_fd_seek(wasi, (int64_t)(position + done), 0 /* SET */, &position);
  return (int64_t)done;
}

int64_t files_read(int fd, void *buf, size_t length) {
  GuestFile *f = file(fd);
  if (!f || (f->flags & LINUX_O_ACCMODE) == LINUX_O_WRONLY) return -LINUX_EBADF;
  if (f->kind == PIPE_END) return pipe_read(f, buf, length);
  if (f->kind == DEVICE) return device_read(f->wasi, buf, length);
  return seekable_read(f->wasi, buf, length);
}

int64_t files_write(int fd, const void *buf, size_t length) {
  GuestFile *f = file(fd);
  if (!f || (f->flags & LINUX_O_ACCMODE) == LINUX_O_RDONLY) return -LINUX_EBADF;
  if (f->kind == PIPE_END) return pipe_write(f, buf, length);
  if (f->kind == DEVICE) return (int64_t)length;
  return host_write(f->wasi, buf, length);
}

int64_t files_pread(int fd, void *buf, size_t length, uint64_t offset) {
  GuestFile *f = file(fd);
  if (!f || (f->flags & LINUX_O_ACCMODE) == LINUX_O_WRONLY) return -LINUX_EBADF;
  if (f->kind == PIPE_END) return -LINUX_ESPIPE;
  if (f->kind == DEVICE) return device_read(f->wasi, buf, length);
  WasiIovec iov = {buf, length};
  size_t done;
  return wasi_result(wasi_fd_pread(f->wasi, &iov, 1, offset, &done), (int64_t)done);
}

int64_t files_pwrite(int fd, const void *buf, size_t length, uint64_t offset) {
  GuestFile *f = file(fd);
  if (!f || (f->flags & LINUX_O_ACCMODE) == LINUX_O_RDONLY) return -LINUX_EBADF;
  if (f->kind == PIPE_END) return -LINUX_ESPIPE;
  if (f->kind == DEVICE) return (int64_t)length;
  WasiIovec iov = {(void *)buf, length};
  size_t done;
  return wasi_result(wasi_fd_pwrite(f->wasi, &iov, 1, offset, &done), (int64_t)done);
}

/* The standard input is a stream (see seekable_read), which cannot seek, as a pipe cannot. */
int64_t files_lseek(int fd, int64_t offset, uint32_t whence) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  if (f->kind == PIPE_END || (f->kind == WASI_FILE && f->wasi == 0)) return -LINUX_ESPIPE;
  if (whence > 2) return -LINUX_EINVAL;
  if (f->kind == DEVICE) return 0;
  uint64_t position;
  return wasi_result(wasi_fd_seek(f->wasi, offset, (uint8_t)whence, &position), (int64_t)position);
}

/* ---- metadata ---- */

static uint32_t mode_of(uint8_t filetype) {
  switch (filetype) {
  case WASI_FILETYPE_DIR: return 0040755;
  case WASI_FILETYPE_CHAR: return 0020620;
  case WASI_FILETYPE_BLOCK: return 0060660;
  case WASI_FILETYPE_SYMLINK: return 0120777;
  case WASI_FILETYPE_FILE: return 0100644;
  default: return 0010600; /* a FIFO or socket: WASI does not say which */
  }
}

static uint32_t permissions_of(const WasiFilestat *s) {
  uint32_t mode = mode_of(s->filetype);
  for (uint32_t i = 0; i < created_count; i++) {
    if (created[i].dev == s->dev && created[i].ino == s->ino) return (mode & ~07777u) | created[i].permissions;
  }
  return mode;
}

static void to_linux_stat(const WasiFilestat *s, LinuxStat *out) {
  HostIds ids = host_ids();
  *out = (LinuxStat){
      .dev = s->dev, .ino = s->ino, .mode = permissions_of(s), .nlink = (uint32_t)s->nlink,
      .uid = (uint32_t)ids.uid, .gid = (uint32_t)ids.gid, .size = (int64_t)s->size, .blksize = 4096,
      .blocks = (int64_t)((s->size + 511) / 512), .atime_sec = (int64_t)(s->atim / 1000000000u),
      .atime_nsec = s->atim % 1000000000u, .mtime_sec = (int64_t)(s->mtim / 1000000000u),
      .mtime_nsec = s->mtim % 1000000000u, .ctime_sec = (int64_t)(s->ctim / 1000000000u),
      .ctime_nsec = s->ctim % 1000000000u,
  };
}

/* The directories above the working directory exist, though the guest sees nothing in them: a program that
 * resolves its absolute paths (SQLite does, component by component) finds them directories. */
static bool above_working_directory(const char *path) {
  if (path[0] != '/' || !elfconv_host_cwd) return false;
  size_t length = strlen(path);
  while (length > 1 && path[length - 1] == '/') length--;
  if (length == 1) return true;
  return strlen(elfconv_host_cwd) > length && memcmp(elfconv_host_cwd, path, length) == 0
         && elfconv_host_cwd[length] == '/';
}

static int64_t stat_of(int dirfd, const char *path, uint32_t flags, WasiFilestat *out) {
  if (!path[0] && (flags & LINUX_AT_EMPTY_PATH) && dirfd != LINUX_AT_FDCWD) {
    GuestFile *f = file(dirfd);
    if (!f) return -LINUX_EBADF;
    if (f->kind == PIPE_END) {
      *out = (WasiFilestat){0, (uint64_t)f->wasi + 1, 0, 1, 0, 0, 0, 0};
      return 0;
    }
    if (f->kind == DEVICE) {
      device_stat(f->wasi, out);
      return 0;
    }
    return wasi_result(wasi_fd_filestat_get(f->wasi, out), 0);
  }
  if (!path[0]) return -LINUX_ENOENT;
  if (device_of(path) >= 0) {
    device_stat(device_of(path), out);
    return 0;
  }
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error == -LINUX_ENOENT && above_working_directory(path)) {
    *out = (WasiFilestat){0, 0, WASI_FILETYPE_DIR, 2, 4096, 0, 0, 0};
    return 0;
  }
  if (error) return error;
  return wasi_result(wasi_path_filestat_get(dir, flags & LINUX_AT_SYMLINK_NOFOLLOW ? 0 : 1, rel, strlen(rel), out), 0);
}

int64_t files_fstatat(int dirfd, const char *path, uint32_t flags, LinuxStat *out) {
  WasiFilestat s;
  int64_t result = stat_of(dirfd, path, flags, &s);
  if (result == 0) to_linux_stat(&s, out);
  return result;
}

/* struct statx: mask, blksize, attributes, nlink, uid, gid, mode, ino, size, blocks, ..., timestamps. */
int64_t files_statx(int dirfd, const char *path, uint32_t flags, uint32_t mask, uint8_t *out) {
  (void)mask;
  WasiFilestat s;
  int64_t result = stat_of(dirfd, path, flags, &s);
  if (result) return result;
  LinuxStat st;
  to_linux_stat(&s, &st);
  memset(out, 0, LINUX_STATX_SIZE);
  uint32_t basic = 0x7ff; /* STATX_BASIC_STATS */
  uint16_t mode = (uint16_t)st.mode;
  uint64_t times[4][2] = {{(uint64_t)st.atime_sec, st.atime_nsec}, {(uint64_t)st.ctime_sec, st.ctime_nsec},
                          {(uint64_t)st.ctime_sec, st.ctime_nsec}, {(uint64_t)st.mtime_sec, st.mtime_nsec}};
  memcpy(out + 0x00, &basic, 4);
  uint32_t blksize = 4096;
  memcpy(out + 0x04, &blksize, 4);
  memcpy(out + 0x10, &st.nlink, 4);
  memcpy(out + 0x14, &st.uid, 4);
  memcpy(out + 0x18, &st.gid, 4);
  memcpy(out + 0x1c, &mode, 2);
  memcpy(out + 0x20, &st.ino, 8);
  memcpy(out + 0x28, &st.size, 8);
  memcpy(out + 0x30, &st.blocks, 8);
  for (int i = 0; i < 4; i++) { /* atime, btime, ctime, mtime: 16 bytes each (sec, nsec, pad) */
    memcpy(out + 0x40 + 16 * i, &times[i][0], 8);
    uint32_t nsec = (uint32_t)times[i][1];
    memcpy(out + 0x48 + 16 * i, &nsec, 4);
  }
  return 0;
}

/* WASI dirents (next cookie, inode, name length, type, then the name) become linux_dirent64 records. */
int64_t files_getdents64(int fd, void *buf, size_t length) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  if (f->kind != WASI_FILE) return -LINUX_ENOTDIR;
  static uint8_t wasi_buf[8192];
  size_t used;
  int32_t error = wasi_fd_readdir(f->wasi, wasi_buf, sizeof wasi_buf, f->dir_cookie, &used);
  if (error) return linux_error(error);
  static const uint8_t linux_type[] = {0, 6, 2, 4, 8, 0, 12, 10}; /* DT_* by WASI filetype */
  size_t in = 0, out = 0;
  while (in + 24 <= used) {
    uint64_t next, ino;
    uint32_t name_length;
    memcpy(&next, wasi_buf + in, 8);
    memcpy(&ino, wasi_buf + in + 8, 8);
    memcpy(&name_length, wasi_buf + in + 16, 4);
    uint8_t type = wasi_buf[in + 20];
    if (in + 24 + name_length > used) break; /* cut off: read again from its cookie next time */
    size_t record = (19 + name_length + 1 + 7) & ~(size_t)7;
    if (out + record > length) break;
    uint8_t *r = (uint8_t *)buf + out;
    memset(r, 0, record);
    uint16_t reclen = (uint16_t)record;
    memcpy(r, &ino, 8);
    memcpy(r + 8, &next, 8);
    memcpy(r + 16, &reclen, 2);
    r[18] = type < sizeof linux_type ? linux_type[type] : 0;
    memcpy(r + 19, wasi_buf + in + 24, name_length);
    out += record;
    in += 24 + name_length;
    f->dir_cookie = next;
  }
  if (out == 0 && in + 24 <= used) return -LINUX_EINVAL; /* the buffer holds not even one record */
  return (int64_t)out;
}

int64_t files_readlinkat(int dirfd, const char *path, char *buf, size_t length) {
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error) return error;
  size_t used;
  return wasi_result(wasi_path_readlink(dir, rel, strlen(rel), buf, length, &used), (int64_t)used);
}

/* The program's path as the embedder passed it: argv[0] against the host directory when relative. */
int64_t files_self_exe(char *buf, size_t length) {
  char path[PATH_MAX];
  path[0] = 0;
  const char *program = elfconv_program_name ? elfconv_program_name : "";
  if (program[0] != '/' && elfconv_host_cwd) {
    memcpy(path, elfconv_host_cwd, strlen(elfconv_host_cwd) + 1);
    if (!append_path(path + 1, program)) return -LINUX_ENOENT; /* path + 1: keep the leading '/' */
  } else {
    size_t n = strlen(program);
    if (n >= PATH_MAX) return -LINUX_ENAMETOOLONG;
    memcpy(path, program, n + 1);
  }
  size_t n = strlen(path);
  if (n > length) n = length;
  memcpy(buf, path, n);
  return (int64_t)n;
}

int64_t files_faccessat(int dirfd, const char *path, uint32_t mode, uint32_t flags) {
  WasiFilestat s;
  int64_t result = stat_of(dirfd, path, flags, &s);
  if (result) return result;
  /* No permission bits in WASI: files are readable and writable, directories searchable, nothing executable. */
  if ((mode & 1) && s.filetype != WASI_FILETYPE_DIR) return -LINUX_EACCES;
  return 0;
}

int64_t files_mkdirat(int dirfd, const char *path, uint32_t mode) {
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error) return error;
  error = wasi_result(wasi_path_create_directory(dir, rel, strlen(rel)), 0);
  if (!error) remember_permissions(dir, rel, mode);
  return error;
}

int64_t files_unlinkat(int dirfd, const char *path, uint32_t flags) {
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error) return error;
  if (flags & LINUX_AT_REMOVEDIR) return wasi_result(wasi_path_remove_directory(dir, rel, strlen(rel)), 0);
  return wasi_result(wasi_path_unlink_file(dir, rel, strlen(rel)), 0);
}

int64_t files_renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, uint32_t flags) {
  if (flags & ~1u) return -LINUX_EINVAL; /* RENAME_NOREPLACE only */
  int32_t old_dir, new_dir;
  char old_rel[PATH_MAX], new_rel[PATH_MAX];
  int64_t error = resolve(olddirfd, oldpath, &old_dir, old_rel);
  if (!error) error = resolve(newdirfd, newpath, &new_dir, new_rel);
  if (error) return error;
  WasiFilestat s;
  if ((flags & 1) && wasi_path_filestat_get(new_dir, 0, new_rel, strlen(new_rel), &s) == 0) return -LINUX_EEXIST;
  return wasi_result(wasi_path_rename(old_dir, old_rel, strlen(old_rel), new_dir, new_rel, strlen(new_rel)), 0);
}

int64_t files_linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, uint32_t flags) {
  int32_t old_dir, new_dir;
  char old_rel[PATH_MAX], new_rel[PATH_MAX];
  int64_t error = resolve(olddirfd, oldpath, &old_dir, old_rel);
  if (!error) error = resolve(newdirfd, newpath, &new_dir, new_rel);
  if (error) return error;
  return wasi_result(wasi_path_link(old_dir, flags & 0x400 ? 1 : 0, old_rel, strlen(old_rel), new_dir, new_rel,
                                    strlen(new_rel)), 0);
}

int64_t files_symlinkat(const char *target, int newdirfd, const char *linkpath) {
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(newdirfd, linkpath, &dir, rel);
  if (error) return error;
  return wasi_result(wasi_path_symlink(target, strlen(target), dir, rel, strlen(rel)), 0);
}

/* The file's status, by path or (path NULL) by descriptor. */
static int64_t filestat(int dirfd, const char *path, bool follow, WasiFilestat *s) {
  if (!path) {
    GuestFile *f = file(dirfd);
    if (!f) return -LINUX_EBADF;
    if (f->kind != WASI_FILE) return -LINUX_EPERM;
    return wasi_result(wasi_fd_filestat_get(f->wasi, s), 0);
  }
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error) return error;
  return wasi_result(wasi_path_filestat_get(dir, follow ? 1 : 0, rel, strlen(rel), s), 0);
}

/* WASI keeps no permission bits: the guest's are kept beside the file's inode, as for the files it creates. */
int64_t files_fchmodat(int dirfd, const char *path, uint32_t mode) {
  WasiFilestat s;
  int64_t error = filestat(dirfd, path, true, &s);
  if (error) return error;
  set_permissions(&s, mode);
  return 0;
}

/* WASI keeps no owners: the guest owns every file (host_ids), and may only leave that so. */
int64_t files_fchownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, uint32_t flags) {
  WasiFilestat s;
  int64_t error = filestat(dirfd, path, !(flags & LINUX_AT_SYMLINK_NOFOLLOW), &s);
  if (error) return error;
  HostIds ids = host_ids();
  bool same_uid = uid == 0xffffffffu || uid == ids.uid, same_gid = gid == 0xffffffffu || gid == ids.gid;
  return same_uid && same_gid ? 0 : -LINUX_EPERM;
}

int64_t files_utimensat(int dirfd, const char *path, const LinuxTimespec *times, uint32_t flags) {
  uint64_t stamp[2] = {0, 0};
  uint16_t set = 0; /* WASI fstflags: ATIM 1, ATIM_NOW 2, MTIM 4, MTIM_NOW 8 */
  for (int i = 0; i < 2; i++) {
    int64_t nsec = times ? times[i].nsec : LINUX_UTIME_NOW;
    if (nsec == LINUX_UTIME_OMIT) continue;
    if (nsec == LINUX_UTIME_NOW) {
      set |= (uint16_t)(i ? 8 : 2);
    } else {
      stamp[i] = (uint64_t)times[i].sec * 1000000000u + (uint64_t)nsec;
      set |= (uint16_t)(i ? 4 : 1);
    }
  }
  if (!path) {
    GuestFile *f = file(dirfd);
    if (!f) return -LINUX_EBADF;
    if (f->kind != WASI_FILE) return -LINUX_EPERM;
    return wasi_result(wasi_fd_filestat_set_times(f->wasi, stamp[0], stamp[1], set), 0);
  }
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(dirfd, path, &dir, rel);
  if (error) return error;
  return wasi_result(wasi_path_filestat_set_times(dir, flags & LINUX_AT_SYMLINK_NOFOLLOW ? 0 : 1, rel, strlen(rel),
                                                  stamp[0], stamp[1], set), 0);
}

int64_t files_statfs(int fd, const char *path, uint8_t out[LINUX_STATFS_SIZE]) {
  (void)fd, (void)path, (void)out;
  return -LINUX_ENOSYS; /* WASI tells nothing of file systems */
}

/* ---- descriptors ---- */

static int64_t duplicate(int fd, int lowest, bool cloexec) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  int copy = allocate(lowest);
  if (copy < 0) return copy;
  table[copy] = *f;
  table[copy].cloexec = cloexec;
  return copy;
}

int64_t files_fcntl(int fd, uint32_t cmd, uint64_t arg) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  switch (cmd) {
  case 0: return (int64_t)arg >= MAX_FILES ? -LINUX_EINVAL : duplicate(fd, (int)arg, false);
  case 1030: return (int64_t)arg >= MAX_FILES ? -LINUX_EINVAL : duplicate(fd, (int)arg, true);
  case 1: return f->cloexec ? 1 : 0;
  case 2: f->cloexec = arg & 1; return 0;
  case 3: return f->flags;
  case 4: {
    uint32_t changeable = LINUX_O_APPEND | LINUX_O_NONBLOCK;
    f->flags = (f->flags & ~changeable) | ((uint32_t)arg & changeable);
    if (f->kind == WASI_FILE && fd > 2) {
      wasi_fd_fdstat_set_flags(f->wasi, (uint16_t)((f->flags & LINUX_O_APPEND ? 1u : 0) |
                                                   (f->flags & LINUX_O_NONBLOCK ? 4u : 0)));
    }
    return 0;
  }
  default: return -LINUX_EINVAL;
  }
}

/* The only process: no lock of another can stand in the way. F_GETLK finds none, F_SETLK always succeeds, after
 * the checks Linux makes (the lock type, OFD locks' zero pid, a descriptor open for the access the lock needs). */
int64_t files_lock(int fd, uint32_t cmd, LinuxFlock *lock) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  enum { F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2 };
  bool get = cmd == LINUX_F_GETLK || cmd == LINUX_F_OFD_GETLK;
  bool ofd = cmd >= LINUX_F_OFD_GETLK;
  if (ofd && lock->pid != 0) return -LINUX_EINVAL;
  if (lock->type != F_RDLCK && lock->type != F_WRLCK && (get || lock->type != F_UNLCK)) return -LINUX_EINVAL;
  if (lock->whence < 0 || lock->whence > 2) return -LINUX_EINVAL;
  if (get) {
    lock->type = F_UNLCK;
    return 0;
  }
  uint32_t access = f->flags & LINUX_O_ACCMODE;
  if ((lock->type == F_RDLCK && access == LINUX_O_WRONLY) || (lock->type == F_WRLCK && access == LINUX_O_RDONLY)) {
    return -LINUX_EBADF;
  }
  return 0;
}

int64_t files_flock(int fd, uint32_t operation) {
  if (!file(fd)) return -LINUX_EBADF;
  uint32_t kind = operation & ~4u /* LOCK_NB */;
  return kind == 1 /* LOCK_SH */ || kind == 2 /* LOCK_EX */ || kind == 8 /* LOCK_UN */ ? 0 : -LINUX_EINVAL;
}

int64_t files_dup(int fd) {
  return duplicate(fd, 0, false);
}

int64_t files_dup3(int oldfd, int newfd, uint32_t flags) {
  if (oldfd == newfd || (flags & ~LINUX_O_CLOEXEC)) return -LINUX_EINVAL;
  GuestFile *f = file(oldfd);
  if (!f) return -LINUX_EBADF;
  if (newfd < 0 || newfd >= MAX_FILES || table[newfd].kind == RESERVED) return -LINUX_EBADF;
  if (file(newfd)) files_close(newfd);
  table[newfd] = *f;
  table[newfd].cloexec = (flags & LINUX_O_CLOEXEC) != 0;
  return newfd;
}

/* WASI knows no terminals' settings: every descriptor answers as a non-terminal. */
/* No terminals: FIONREAD alone is answered, for pipes (their contents) and files (what lies past the position). */
int64_t files_tty_ioctl(int fd, uint32_t request, void *out) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  if (request != 0x541b /* FIONREAD */ || f->kind == DEVICE || (f->kind == WASI_FILE && f->wasi <= 2)) {
    return -LINUX_ENOTTY;
  }
  int32_t count;
  if (f->kind == PIPE_END) {
    count = (int32_t)pipes[f->wasi]->length;
  } else {
    WasiFilestat s;
    uint64_t position;
    int32_t error = wasi_fd_filestat_get(f->wasi, &s);
    if (!error) error = wasi_fd_seek(f->wasi, 0, 1 /* CUR */, &position);
    if (error) return linux_error(error);
    count = s.size > position ? (int32_t)(s.size - position) : 0;
  }
  memcpy(out, &count, sizeof count);
  return 0;
}

int64_t files_pipe2(int32_t fds[2], uint32_t flags) {
  if (flags & ~(LINUX_O_CLOEXEC | LINUX_O_NONBLOCK | LINUX_O_DIRECT)) return -LINUX_EINVAL;
  int pipe = -1;
  for (int i = 0; i < MAX_PIPES && pipe < 0; i++) {
    if (!pipe_end_open(i, LINUX_O_RDONLY) && !pipe_end_open(i, LINUX_O_WRONLY)) pipe = i;
  }
  if (pipe < 0) return -23 /* ENFILE */;
  if (!pipes[pipe]) pipes[pipe] = wasm_grow_memory(sizeof(Pipe));
  int reader = allocate(0);
  if (reader < 0) return reader;
  table[reader] = (GuestFile){PIPE_END, (flags & LINUX_O_CLOEXEC) != 0, pipe, LINUX_O_RDONLY | (flags & LINUX_O_NONBLOCK), 0};
  int writer = allocate(0);
  if (writer < 0) {
    table[reader].kind = FREE;
    return writer;
  }
  table[writer] = table[reader];
  table[writer].flags = LINUX_O_WRONLY | (flags & LINUX_O_NONBLOCK);
  pipes[pipe]->start = pipes[pipe]->length = 0;
  fds[0] = reader;
  fds[1] = writer;
  return 0;
}

/* ---- the current directory ---- */

int64_t files_getcwd(char *buf, size_t size) {
  const char *root = elfconv_host_cwd ? elfconv_host_cwd : "/";
  size_t root_length = strlen(root), rel_length = strlen(cwd);
  if (root_length > 1 && root[root_length - 1] == '/') root_length--;
  size_t separator = rel_length && root_length > 1 ? 1 : 0;
  size_t total = root_length + separator + rel_length + 1;
  if (total > size) return -LINUX_ERANGE;
  memcpy(buf, root, root_length);
  if (separator) buf[root_length] = '/';
  memcpy(buf + root_length + separator, cwd, rel_length + 1);
  return (int64_t)total;
}

int64_t files_chdir(const char *path) {
  int32_t dir;
  char rel[PATH_MAX];
  int64_t error = resolve(LINUX_AT_FDCWD, path, &dir, rel);
  if (error) return error;
  WasiFilestat s;
  int32_t result = wasi_path_filestat_get(dir, 1, rel, strlen(rel), &s);
  if (result) return linux_error(result);
  if (s.filetype != WASI_FILETYPE_DIR) return -LINUX_ENOTDIR;
  if (rel[0] == '.' && !rel[1]) rel[0] = 0;
  memcpy(cwd, rel, strlen(rel) + 1);
  return 0;
}

int64_t files_ftruncate(int fd, int64_t length) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  if (length < 0 || f->kind != WASI_FILE || (f->flags & LINUX_O_ACCMODE) == LINUX_O_RDONLY) return -LINUX_EINVAL;
  return wasi_result(wasi_fd_filestat_set_size(f->wasi, (uint64_t)length), 0);
}

int64_t files_fsync(int fd) {
  GuestFile *f = file(fd);
  if (!f) return -LINUX_EBADF;
  if (f->kind != WASI_FILE) return -LINUX_EINVAL;
  int32_t error = wasi_fd_sync(f->wasi);
  WasiFilestat s;
  if (error && wasi_fd_filestat_get(f->wasi, &s) == 0 && s.filetype == WASI_FILETYPE_DIR) {
    return 0; /* Linux syncs a directory too (SQLite does, after creating its journal); WASI may refuse to */
  }
  return error == 28 /* inval: a stream */ ? -LINUX_EINVAL : wasi_result(error, 0);
}

uint32_t files_umask(uint32_t mask) {
  uint32_t previous = umask_value;
  umask_value = mask;
  return previous;
}

/* Linux's readiness of one descriptor: a pipe's by its contents and other end; files and streams are always
   ready (WASI cannot ask a stream without blocking, and a read of it waits as Linux's would). */
static int16_t poll_events(int fd, int16_t events) {
  GuestFile *f = file(fd);
  if (!f) return LINUX_POLLNVAL;
  int16_t ready = LINUX_POLLIN | LINUX_POLLRDNORM | LINUX_POLLOUT | LINUX_POLLWRNORM;
  if (f->kind == PIPE_END) {
    Pipe *p = pipes[f->wasi];
    if ((f->flags & LINUX_O_ACCMODE) == LINUX_O_RDONLY) {
      ready = (p->length ? LINUX_POLLIN | LINUX_POLLRDNORM : 0)
          | (pipe_end_open(f->wasi, LINUX_O_WRONLY) ? 0 : LINUX_POLLHUP);
    } else {
      ready = (p->length < PIPE_CAPACITY ? LINUX_POLLOUT | LINUX_POLLWRNORM : 0)
          | (pipe_end_open(f->wasi, LINUX_O_RDONLY) ? 0 : LINUX_POLLERR);
    }
  }
  return ready & (events | LINUX_POLLERR | LINUX_POLLHUP);
}

int64_t files_poll(LinuxPollfd *fds, uint32_t count, LinuxTimespec *timeout) {
  int64_t ready = 0;
  for (uint32_t i = 0; i < count; i++) {
    fds[i].revents = fds[i].fd < 0 ? 0 : poll_events(fds[i].fd, fds[i].events);
    ready += fds[i].revents != 0;
  }
  if (ready) return ready;
  if (!timeout) fatal("poll would wait forever: nothing the single-threaded guest waits for can become ready");
  int64_t slept = host_sleep(1 /* CLOCK_MONOTONIC */, 0, timeout);
  if (slept) return slept;
  *timeout = (LinuxTimespec){0, 0};
  return 0;
}
