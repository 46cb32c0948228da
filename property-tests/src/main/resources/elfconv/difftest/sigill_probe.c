/*
 * The valid-set sweep's probe, run under QEMU: reads 32-bit words from stdin and executes each one alone, in a
 * child process, with every general register zero (so a system call it makes is a harmless one) and SP on a fresh
 * page; prints 'I' when the word itself raises SIGILL, 'x' when it executes (whatever follows: a fault, a branch
 * elsewhere, an endless loop that the alarm ends).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static uint32_t *page;

static void handler(int sig, siginfo_t *si, void *context) {
  ucontext_t *uc = context;
  _exit(sig == SIGILL && uc->uc_mcontext.pc == (uint64_t) page ? 42 : 0);
}

extern void enter(void *code, void *stack);
__asm__(".global enter\nenter:\n"
        "mov sp, x1\nmov x16, x0\n"
        "mov x0, xzr\nmov x1, xzr\nmov x2, xzr\nmov x3, xzr\nmov x4, xzr\nmov x5, xzr\nmov x6, xzr\nmov x7, xzr\n"
        "mov x8, xzr\nmov x9, xzr\nmov x10, xzr\nmov x11, xzr\nmov x12, xzr\nmov x13, xzr\nmov x14, xzr\n"
        "mov x15, xzr\nmov x17, xzr\nmov x18, xzr\nmov x19, xzr\nmov x20, xzr\nmov x21, xzr\nmov x22, xzr\n"
        "mov x23, xzr\nmov x24, xzr\nmov x25, xzr\nmov x26, xzr\nmov x27, xzr\nmov x28, xzr\nmov x29, xzr\n"
        "mov x30, xzr\nbr x16\n");

static void run(uint32_t word) {
  static char altstack[65536];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
  sigaltstack(&ss, 0);
  struct sigaction sa = {0};
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  int sigs[] = {SIGILL, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE, SIGSYS};
  for (int i = 0; i < 6; i++) sigaction(sigs[i], &sa, 0);
  alarm(2);
  page = mmap(0, 65536, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  page[0] = word;
  page[1] = 0xd2800000; /* mov x0, #0 */
  page[2] = 0xd2800bc8; /* mov x8, #94 (exit_group) */
  page[3] = 0xd4000001; /* svc #0 */
  __builtin___clear_cache((char *) page, (char *) (page + 4));
  enter(page, (char *) page + 65536);
}

int main(void) {
  uint32_t word;
  setvbuf(stdout, 0, _IOFBF, 1 << 16);
  while (fread(&word, 4, 1, stdin) == 1) {
    pid_t child = fork();
    if (child == 0) run(word);
    int status;
    waitpid(child, &status, 0);
    putchar(WIFEXITED(status) && WEXITSTATUS(status) == 42 ? 'I' : 'x');
  }
  return 0;
}
