/* ELFCONV_REGTRACE: the register file before every guest instruction, in the text format of QEMU's
 * "-d cpu,nochain -singlestep" log, so that one parser reads both and the verifier can find the first instruction
 * where a translation parts from QEMU. Only programs translated with register tracing call this. */
#include "runtime.h"

/* Enough to reach a divergence in the corpus; a bound on the log's size for long programs. */
#define REGISTER_TRACE_LIMIT 300000u

static int register_trace_fd = -1;
static uint32_t register_trace_records;

void register_trace_open(const char *path) {
  int64_t fd = host_create_file(path);
  if (fd < 0) fatal("cannot create the ELFCONV_REGTRACE file %s (errno %d)", path, -fd);
  register_trace_fd = (int)fd;
}

static char *put_text(char *out, const char *text) {
  while (*text) *out++ = *text++;
  return out;
}

static char *put_hex(char *out, uint64_t value, int digits) {
  for (int i = digits - 1; i >= 0; i--) out[digits - 1 - i] = "0123456789abcdef"[(value >> (4 * i)) & 0xf];
  return out + digits;
}

void elfconv_trace_registers(uint64_t pc) {
  if (register_trace_fd < 0 || register_trace_records++ >= REGISTER_TRACE_LIMIT) return;
  char record[1024];
  char *out = put_hex(put_text(record, " PC="), pc, 16);
  for (int r = 0; r < 31; r++) {
    char name[] = {r % 3 == 2 ? '\n' : ' ', 'X', (char)('0' + r / 10), (char)('0' + r % 10), '=', 0};
    out = put_hex(put_text(out, r == 0 ? " X00=" : name), elfconv_state.x[r], 16);
  }
  out = put_hex(put_text(out, "  SP="), elfconv_state.sp, 16);
  const uint8_t *f = elfconv_state.nzcv;
  uint64_t pstate = (uint64_t)f[0] << 31 | (uint64_t)f[1] << 30 | (uint64_t)f[2] << 29 | (uint64_t)f[3] << 28;
  out = put_hex(put_text(out, "\nPSTATE="), pstate, 8);
  char flags[] = {' ', f[0] ? 'N' : '-', f[1] ? 'Z' : '-', f[2] ? 'C' : '-', f[3] ? 'V' : '-', 0};
  out = put_text(put_text(out, flags), " EL0t\n");
  host_write(register_trace_fd, record, (size_t)(out - record));
}
