/* A program that looks at its own stack: glibc's backtrace() and libgcc's _Unwind_Backtrace walk the frames with
 * the unwind tables, and see the guest's return addresses. */
#include <execinfo.h>
#include <stdio.h>
#include <unwind.h>

static _Unwind_Reason_Code step(struct _Unwind_Context *context, void *arg) {
  int *frames = arg;
  printf("frame %d returns to %#lx\n", (*frames)++, (unsigned long)_Unwind_GetIP(context));
  return _URC_NO_REASON;
}

__attribute__((noinline)) int walk(int depth, volatile int *sink) {
  if (depth > 0) {
    int below = walk(depth - 1, sink);
    *sink += below;
    return below + 1;
  }
  void *frames[32];
  int n = backtrace(frames, 32);
  printf("backtrace: %d frames\n", n);
  fflush(stdout);
  backtrace_symbols_fd(frames, n, 1);
  int seen = 0;
  _Unwind_Backtrace(step, &seen);
  return seen;
}

int main(void) {
  volatile int sink = 0;
  printf("%d frames unwound\n", walk(4, &sink));
  return 0;
}
