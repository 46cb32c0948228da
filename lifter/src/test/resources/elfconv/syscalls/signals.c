/* Signals the program sends itself: handlers with siginfo and ucontext, masks and pending signals, the alternate
 * stack, SIG_IGN, SA_RESETHAND, and at the end abort's way out: SIGABRT by its default action (status 134). */
#include "sys.h"

#define SIGUSR1 10
#define SIGUSR2 12
#define SIGABRT 6
#define SIGCHLD 17
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESETHAND 0x80000000

struct sigaction {
  void *handler;
  u64 flags, restorer, mask;
};

static volatile int deliveries;
static volatile int last_signal, last_code, on_alternate_stack;
static volatile u64 saved_x19;
static char alternate[16384] __attribute__((aligned(16)));

static void handler(int signal, int *info, u8 *ucontext) {
  deliveries++;
  last_signal = signal;
  last_code = info ? info[2] : 99;
  char here;
  on_alternate_stack = &here >= alternate && &here < alternate + sizeof alternate;
  if (ucontext) saved_x19 = *(u64 *)(ucontext + 176 + 8 + 19 * 8); /* uc_mcontext.regs[19] */
}

/* setjmp/longjmp as libc has them: callee-saved registers, frame pointer, link register and stack pointer. */
typedef u64 jump_buffer[14];
int save_context(jump_buffer buffer);
__attribute__((noreturn)) void jump_to_context(jump_buffer buffer, int value);
__asm__(".globl save_context\nsave_context:\n"
        " stp x19, x20, [x0]\n stp x21, x22, [x0, #16]\n stp x23, x24, [x0, #32]\n stp x25, x26, [x0, #48]\n"
        " stp x27, x28, [x0, #64]\n stp x29, x30, [x0, #80]\n mov x2, sp\n str x2, [x0, #96]\n mov w0, #0\n ret\n"
        ".globl jump_to_context\njump_to_context:\n"
        " ldp x19, x20, [x0]\n ldp x21, x22, [x0, #16]\n ldp x23, x24, [x0, #32]\n ldp x25, x26, [x0, #48]\n"
        " ldp x27, x28, [x0, #64]\n ldp x29, x30, [x0, #80]\n ldr x2, [x0, #96]\n mov sp, x2\n mov w0, w1\n ret\n");

static jump_buffer escape;

static void leave_by_longjmp(int signal) {
  deliveries++;
  last_signal = signal;
  jump_to_context(escape, signal);
}

static void set(int signal, void *function, u64 flags, u64 mask) {
  struct sigaction action = {function, flags, 0, mask};
  SYS(NR_rt_sigaction, signal, &action, 0, 8);
}

int main(u64 *sp) {
  (void)sp;
  i64 pid = SYS0(NR_getpid);
  set(SIGUSR1, handler, SA_SIGINFO, 0);
  register u64 x19 __asm__("x19") = 0x1919;
  __asm__ volatile("" : "+r"(x19));
  show("kill", SYS(NR_kill, pid, SIGUSR1));
  __asm__ volatile("" : "+r"(x19));
  show("handler ran", deliveries);
  show("signal", last_signal);
  show("si_code of kill (SI_USER)", last_code);
  show("x19 in the frame", saved_x19 == 0x1919);
  show("x19 after the handler", x19 == 0x1919);
  show("tgkill", SYS(NR_tgkill, pid, SYS0(NR_gettid), SIGUSR1));
  show("si_code of tgkill (SI_TKILL)", last_code);

  struct sigaction old;
  show("rt_sigaction reads back", SYS(NR_rt_sigaction, SIGUSR1, 0, &old, 8));
  show("same handler", old.handler == (void *)handler && old.flags == SA_SIGINFO);
  show("rt_sigaction bad size", SYS(NR_rt_sigaction, SIGUSR1, 0, &old, 4));
  show("rt_sigaction SIGKILL", SYS(NR_rt_sigaction, 9, &old, 0, 8));
  show("rt_sigaction signal 65", SYS(NR_rt_sigaction, 65, 0, &old, 8));

  u64 block = 1ull << (SIGUSR1 - 1), previous = 0;
  show("block SIGUSR1", SYS(NR_rt_sigprocmask, 0, &block, &previous, 8));
  int before = deliveries;
  show("kill while blocked", SYS(NR_kill, pid, SIGUSR1));
  show("not yet delivered", deliveries == before);
  show("unblock", SYS(NR_rt_sigprocmask, 1, &block, 0, 8));
  show("delivered on unblock", deliveries == before + 1);
  show("sigprocmask bad how", SYS(NR_rt_sigprocmask, 7, &block, 0, 8));

  struct { void *sp; int flags, pad; u64 size; } stack = {alternate, 0, 0, sizeof alternate}, old_stack;
  show("sigaltstack", SYS(NR_sigaltstack, &stack, 0));
  show("sigaltstack too small", (stack.size = 100, SYS(NR_sigaltstack, &stack, 0)));
  show("sigaltstack reads back", SYS(NR_sigaltstack, 0, &old_stack));
  show("same stack", old_stack.sp == alternate && old_stack.size == sizeof alternate && old_stack.flags == 0);
  set(SIGUSR2, handler, SA_SIGINFO | SA_ONSTACK | SA_RESETHAND, 0);
  show("kill SIGUSR2", SYS(NR_kill, pid, SIGUSR2));
  show("ran on the alternate stack", on_alternate_stack);
  SYS(NR_rt_sigaction, SIGUSR2, 0, &old, 8);
  show("SA_RESETHAND restored SIG_DFL", old.handler == 0);

  set(SIGUSR1, leave_by_longjmp, 0, 0);
  int jumped = save_context(escape);
  if (jumped == 0) {
    SYS(NR_kill, pid, SIGUSR1);
    put("not reached after the handler's longjmp\n");
  }
  show("longjmp out of the handler with", jumped);
  u64 current = 0;
  SYS(NR_rt_sigprocmask, 0, 0, &current, 8);
  show("SIGUSR1 still blocked after leaving its handler", (current >> (SIGUSR1 - 1)) & 1);

  set(SIGUSR1, (void *)1 /* SIG_IGN */, 0, 0);
  show("ignored", (SYS(NR_kill, pid, SIGUSR1), deliveries));
  show("SIGCHLD by default is ignored", SYS(NR_kill, pid, SIGCHLD));
  show("kill another process", SYS(NR_kill, 999999, 0));
  show("kill with signal 0", SYS(NR_kill, pid, 0));
  show("kill with signal 99", SYS(NR_kill, pid, 99));
  put("aborting\n");
  u64 none = 0;
  SYS(NR_rt_sigprocmask, 2, &none, 0, 8);
  SYS(NR_tgkill, pid, pid, SIGABRT);
  put("not reached\n");
  return 1;
}
