/* Text output without libc: fatal error messages and trace lines, each written with one write so that lines from
 * the runtime never interleave with partial guest output. */
#include <stdarg.h>

#include "runtime.h"

static void put_char(Line *line, char c) {
  if (line->length < LINE_CAPACITY - 1) line->text[line->length++] = c; /* the last byte is for the newline */
}

static void put_string(Line *line, const char *s) {
  while (*s) put_char(line, *s++);
}

static void put_unsigned(Line *line, uint64_t value, unsigned base) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = "0123456789abcdef"[value % base];
    value /= base;
  } while (value);
  while (count) put_char(line, digits[--count]);
}

static void put_signed(Line *line, int64_t value) {
  if (value < 0) put_char(line, '-');
  put_unsigned(line, value < 0 ? -(uint64_t)value : (uint64_t)value, 10);
}

static void line_vformat(Line *line, const char *format, va_list args) {
  for (const char *p = format; *p; p++) {
    if (*p != '%') {
      put_char(line, *p);
      continue;
    }
    switch (*++p) {
    case 's': put_string(line, va_arg(args, const char *)); break;
    case 'x': put_unsigned(line, va_arg(args, uint64_t), 16); break;
    case 'u': put_unsigned(line, va_arg(args, uint64_t), 10); break;
    case 'd': put_signed(line, va_arg(args, int64_t)); break;
    case '\0': return;
    default: put_char(line, *p); break;
    }
  }
}

void line_format(Line *line, const char *format, ...) {
  va_list args;
  va_start(args, format);
  line_vformat(line, format, args);
  va_end(args);
}

void line_write(Line *line, int fd) {
  line->text[line->length++] = '\n';
  host_write(fd, line->text, line->length);
}

static _Noreturn void vfatal(int status, const char *format, va_list args) {
  Line line = {.length = 0};
  line_format(&line, "elfconv: ");
  line_vformat(&line, format, args);
  line_write(&line, 2);
  host_exit(status);
}

_Noreturn void fatal(const char *format, ...) {
  va_list args;
  va_start(args, format);
  vfatal(ELFCONV_EXIT_FATAL, format, args);
}

_Noreturn void fatal_exit(int status, const char *format, ...) {
  va_list args;
  va_start(args, format);
  vfatal(status, format, args);
}
