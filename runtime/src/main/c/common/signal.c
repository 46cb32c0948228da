/* Signals a single-threaded guest sends itself (kill, tkill, tgkill, and abort through them) or its interval timers
 * raise (timers.c). A signal is delivered
 * synchronously when the syscall that raised (or unblocked) it ends: the handler runs on a Linux-like AArch64
 * signal frame (siginfo + ucontext) in a nested dispatch loop, and returns to a sentinel address instead of the
 * vDSO's sigreturn trampoline; the registers are then restored from the frame, as rt_sigreturn restores them.
 * Without a handler a signal takes Linux's default action. */
#include "files.h"
#include "linux.h"
#include "runtime.h"
#include "syscalls.h"

#define SIG_DFL 0u
#define SIG_IGN 1u
#define SA_SIGINFO 0x4u
#define SA_ONSTACK 0x08000000u
#define SA_NODEFER 0x40000000u
#define SA_RESETHAND 0x80000000u
#define SS_ONSTACK 1u
#define SS_DISABLE 2u
#define MINSIGSTKSZ 5120u
#define SI_USER 0
#define SI_TKILL (-6)

/* Where a handler returns to: an address in the window's top page, which no guest code occupies. */
#define SIGNAL_RETURN (elfconv_window_size - 0x800u)

typedef struct GuestSigaction {
  uint64_t handler, flags, restorer, mask;
} GuestSigaction;

typedef struct GuestStack {
  uint64_t sp;
  int32_t flags, pad;
  uint64_t size;
} GuestStack;

/* struct rt_sigframe of arch/arm64/kernel/signal.c, with the FP/SIMD record and the end marker. */
typedef struct SignalFrame {
  struct {
    int32_t signo, errno_, code, pad;
    int32_t pid;
    uint32_t uid;
    uint8_t rest[104];
  } info;
  struct {
    uint64_t flags, link;
    GuestStack stack;
    uint64_t sigmask;
    uint8_t unused[128 - 8];
    struct {
      uint64_t fault_address, regs[31], sp, pc, pstate;
      __attribute__((aligned(16))) struct {
        uint32_t magic, size, fpsr, fpcr;
        uint8_t vregs[32][16];
      } fpsimd;
      struct {
        uint32_t magic, size;
      } end;
      uint8_t reserved[4096 - 528 - 8];
    } mcontext;
  } uc;
  uint64_t frame_record[2];
} SignalFrame;

static struct {
  GuestSigaction actions[LINUX_NSIG + 1];
  uint64_t blocked, pending;
  uint64_t suspended_mask; /* the mask rt_sigsuspend replaced, put back after the signal that ends it */
  bool suspended;
  GuestStack altstack;
  int32_t pending_code[LINUX_NSIG + 1];
} signals = {.altstack = {0, SS_DISABLE, 0, 0}};

static uint64_t bit(uint64_t signal) {
  return 1ull << (signal - 1);
}

static const uint64_t UNBLOCKABLE = (1ull << (LINUX_SIGKILL - 1)) | (1ull << (LINUX_SIGSTOP - 1));

void signal_inherit_ignored(uint64_t ignored) {
  for (uint64_t signal = 1; signal <= LINUX_NSIG; signal++) {
    if (ignored & bit(signal)) signals.actions[signal].handler = SIG_IGN;
  }
}

int64_t signal_action(uint64_t signal, uint64_t action, uint64_t old_action, uint64_t set_size) {
  if (set_size != 8 || signal < 1 || signal > LINUX_NSIG) return -LINUX_EINVAL;
  if (action && (signal == LINUX_SIGKILL || signal == LINUX_SIGSTOP)) return -LINUX_EINVAL;
  if ((action && !guest_accessible(action, sizeof(GuestSigaction), false)) ||
      (old_action && !guest_accessible(old_action, sizeof(GuestSigaction), true))) {
    return -LINUX_EFAULT;
  }
  GuestSigaction previous = signals.actions[signal];
  if (action) {
    memcpy(&signals.actions[signal], GUEST_PTR(action), sizeof(GuestSigaction));
    signals.actions[signal].mask &= ~UNBLOCKABLE;
  }
  if (old_action) memcpy(GUEST_PTR(old_action), &previous, sizeof previous);
  return 0;
}

int64_t signal_procmask(uint64_t how, uint64_t set, uint64_t old_set, uint64_t set_size) {
  if (set_size != 8) return -LINUX_EINVAL;
  if ((set && !guest_accessible(set, 8, false)) || (old_set && !guest_accessible(old_set, 8, true))) {
    return -LINUX_EFAULT;
  }
  uint64_t previous = signals.blocked;
  if (set) {
    uint64_t mask = *(const uint64_t *)GUEST_PTR(set);
    switch (how) {
    case 0: signals.blocked |= mask; break;
    case 1: signals.blocked &= ~mask; break;
    case 2: signals.blocked = mask; break;
    default: return -LINUX_EINVAL;
    }
    signals.blocked &= ~UNBLOCKABLE;
  }
  if (old_set) memcpy(GUEST_PTR(old_set), &previous, 8);
  return 0;
}

/* Linux reports the pending signals that are blocked (the others have been delivered already). */
int64_t signal_pending(uint64_t set, uint64_t set_size) {
  if (set_size > 8) return -LINUX_EINVAL;
  if (!guest_accessible(set, set_size, true)) return -LINUX_EFAULT;
  uint64_t pending = signals.pending & signals.blocked;
  memcpy(GUEST_PTR(set), &pending, set_size);
  return 0;
}

static bool on_altstack(uint64_t sp) {
  return signals.altstack.size && sp - signals.altstack.sp < signals.altstack.size;
}

int64_t signal_altstack(uint64_t stack, uint64_t old_stack) {
  if ((stack && !guest_accessible(stack, sizeof(GuestStack), false)) ||
      (old_stack && !guest_accessible(old_stack, sizeof(GuestStack), true))) {
    return -LINUX_EFAULT;
  }
  GuestStack previous = signals.altstack;
  previous.flags = on_altstack(elfconv_state.sp) ? SS_ONSTACK : previous.flags;
  if (stack) {
    if (on_altstack(elfconv_state.sp)) return -LINUX_EPERM;
    GuestStack next;
    memcpy(&next, GUEST_PTR(stack), sizeof next);
    if (next.flags & ~(int32_t)(SS_DISABLE | 0x80000000u /* SS_AUTODISARM */)) return -LINUX_EINVAL;
    if (next.flags & SS_DISABLE) {
      next = (GuestStack){0, SS_DISABLE, 0, 0};
    } else if (next.size < MINSIGSTKSZ) {
      return -LINUX_ENOMEM;
    }
    signals.altstack = next;
  }
  if (old_stack) memcpy(GUEST_PTR(old_stack), &previous, sizeof previous);
  return 0;
}

/* Linux's default actions: ignore, or end the process (with a core dump for some; the exit status is the same).
 * Stopping signals are ignored: there is no job control to resume the guest. */
static bool ignored_by_default(uint64_t signal) {
  return signal == LINUX_SIGCHLD || signal == LINUX_SIGCONT || signal == LINUX_SIGURG || signal == LINUX_SIGWINCH ||
         signal == LINUX_SIGSTOP || signal == LINUX_SIGTSTP || signal == LINUX_SIGTTIN || signal == LINUX_SIGTTOU;
}

static uint64_t run_handler(uint64_t signal, int32_t code) {
  GuestSigaction action = signals.actions[signal];
  GuestState saved = elfconv_state;
  uint64_t sp = elfconv_state.sp;
  if ((action.flags & SA_ONSTACK) && !(signals.altstack.flags & SS_DISABLE) && !on_altstack(sp)) {
    sp = signals.altstack.sp + signals.altstack.size;
  }
  sp = (sp - sizeof(SignalFrame)) & ~(uint64_t)15;
  if (!guest_accessible(sp, sizeof(SignalFrame), true)) {
    /* Linux cannot build the frame either and kills the process by SIGSEGV. */
    host_die_by_signal(LINUX_SIGSEGV);
  }
  SignalFrame *frame = GUEST_PTR(sp);
  memset(frame, 0, sizeof *frame);
  frame->info.signo = (int32_t)signal;
  frame->info.code = code;
  frame->info.pid = (int32_t)host_getpid();
  frame->info.uid = (uint32_t)host_ids().uid;
  frame->uc.stack = signals.altstack;
  frame->uc.sigmask = signals.suspended ? signals.suspended_mask : signals.blocked;
  signals.suspended = false; /* the frame restores it */
  memcpy(frame->uc.mcontext.regs, saved.x, sizeof saved.x);
  frame->uc.mcontext.sp = saved.sp;
  frame->uc.mcontext.pc = saved.pc;
  const uint8_t *f = saved.nzcv;
  frame->uc.mcontext.pstate = (uint64_t)f[0] << 31 | (uint64_t)f[1] << 30 | (uint64_t)f[2] << 29 | (uint64_t)f[3] << 28;
  frame->uc.mcontext.fpsimd.magic = 0x46508001u;
  frame->uc.mcontext.fpsimd.size = 528;
  frame->uc.mcontext.fpsimd.fpsr = (uint32_t)saved.fpsr;
  frame->uc.mcontext.fpsimd.fpcr = (uint32_t)saved.fpcr;
  memcpy(frame->uc.mcontext.fpsimd.vregs, saved.v, sizeof saved.v);
  frame->frame_record[0] = saved.x[29];
  frame->frame_record[1] = saved.x[30];

  signals.blocked |= action.mask | (action.flags & SA_NODEFER ? 0 : bit(signal));
  signals.blocked &= ~UNBLOCKABLE;
  if (action.flags & SA_RESETHAND) signals.actions[signal] = (GuestSigaction){SIG_DFL, 0, 0, 0};
  if (on_altstack(sp) && (signals.altstack.flags & (int32_t)0x80000000u)) {
    signals.altstack = (GuestStack){0, SS_DISABLE, 0, 0};
  }

  elfconv_state.x[0] = signal;
  elfconv_state.x[1] = action.flags & SA_SIGINFO ? sp + __builtin_offsetof(SignalFrame, info) : 0;
  elfconv_state.x[2] = action.flags & SA_SIGINFO ? sp + __builtin_offsetof(SignalFrame, uc) : 0;
  elfconv_state.x[29] = sp + __builtin_offsetof(SignalFrame, frame_record);
  elfconv_state.x[30] = SIGNAL_RETURN;
  elfconv_state.sp = sp;
  /* A handler that leaves by longjmp ends up at an address inside the function that called setjmp: the
   * interrupted code's callers resume it, with the registers as longjmp left them and the mask as Linux leaves
   * it (still blocking the signal). */
  uint64_t exit = run_until(action.handler, SIGNAL_RETURN);
  if (exit != SIGNAL_RETURN) return exit;

  /* rt_sigreturn: the registers and mask as the frame holds them now. */
  memcpy(elfconv_state.x, frame->uc.mcontext.regs, sizeof elfconv_state.x);
  elfconv_state.sp = frame->uc.mcontext.sp;
  uint64_t pstate = frame->uc.mcontext.pstate;
  for (int i = 0; i < 4; i++) elfconv_state.nzcv[i] = (uint8_t)((pstate >> (31 - i)) & 1);
  memcpy(elfconv_state.v, frame->uc.mcontext.fpsimd.vregs, sizeof elfconv_state.v);
  elfconv_state.fpsr = frame->uc.mcontext.fpsimd.fpsr;
  elfconv_state.fpcr = frame->uc.mcontext.fpsimd.fpcr;
  elfconv_state.tpidr_el0 = saved.tpidr_el0;
  signals.blocked = frame->uc.sigmask & ~UNBLOCKABLE;
  /* Under QEMU (and Linux) the handler returns through a trampoline that calls rt_sigreturn: trace it likewise. */
  trace_syscall(SYS_rt_sigreturn, elfconv_state.x, (int64_t)elfconv_state.x[0]);
  return 0;
}

static uint64_t deliver(uint64_t signal, int32_t code) {
  uint64_t handler = signals.actions[signal].handler;
  if (signal == LINUX_SIGKILL || signal == LINUX_SIGSTOP || handler == SIG_DFL) {
    if (signal == LINUX_SIGKILL || !ignored_by_default(signal)) host_die_by_signal((int)signal);
    return 0;
  }
  if (handler == SIG_IGN) return 0;
  return run_handler(signal, code);
}

int64_t signal_kill(uint64_t pid, uint64_t signal, bool thread) {
  int64_t self = host_getpid();
  if (signal > LINUX_NSIG) return -LINUX_EINVAL;
  if ((int32_t)pid != self && (thread || (int32_t)pid != 0)) {
    return (int32_t)pid <= 0 && !thread ? -LINUX_EPERM : -LINUX_ESRCH; /* no other process is reachable */
  }
  if (signal == 0) return 0;
  signal_raise(signal, thread ? SI_TKILL : SI_USER);
  return 0;
}

void signal_raise(uint64_t signal, int32_t code) {
  signals.pending |= bit(signal);
  signals.pending_code[signal] = code;
}

int64_t signal_suspend(uint64_t set, uint64_t set_size) {
  if (set_size != 8) return -LINUX_EINVAL;
  if (!guest_accessible(set, 8, false)) return -LINUX_EFAULT;
  uint64_t mask;
  memcpy(&mask, GUEST_PTR(set), 8);
  signals.suspended_mask = signals.blocked;
  signals.suspended = true;
  signals.blocked = mask & ~UNBLOCKABLE;
  while (!(signals.pending & (~signals.blocked | UNBLOCKABLE))) {
    if (!timers_wait_real()) {
      fatal("rt_sigsuspend would wait forever: no timer is armed, and only the guest itself can signal it");
    }
  }
  return -LINUX_EINTR;
}

/* Lowest signal first, as Linux picks; each delivery may change the mask, so the set is read again every time. */
uint64_t signal_deliver_pending(void) {
  for (;;) {
    uint64_t ready = signals.pending & (~signals.blocked | UNBLOCKABLE);
    if (!ready) {
      if (signals.suspended) signals.blocked = signals.suspended_mask; /* ignored: no handler ran */
      signals.suspended = false;
      return 0;
    }
    uint64_t signal = (uint64_t)__builtin_ctzll(ready) + 1;
    signals.pending &= ~bit(signal);
    uint64_t exit = deliver(signal, signals.pending_code[signal]);
    if (exit) return exit; /* the rest waits for the next syscall */
  }
}
