/* The AArch64 (asm-generic) system calls the runtime knows by name: X(number, name, argument count).
 * The trace prints a call with its name and that many arguments; unlisted numbers print as syscall_<nr> with
 * six. Emulated calls are picked out of the same list, so a number is written down exactly once. */
#ifndef ELFCONV_SYSCALLS_H
#define ELFCONV_SYSCALLS_H

#define LINUX_SYSCALLS(X)                                                                                      \
  X(17, getcwd, 2) X(19, eventfd2, 2) X(20, epoll_create1, 1) X(21, epoll_ctl, 4) X(22, epoll_pwait, 6)        \
  X(23, dup, 1) X(24, dup3, 3) X(25, fcntl, 3) X(29, ioctl, 3) X(32, flock, 2) X(33, mknodat, 4)               \
  X(34, mkdirat, 3) X(35, unlinkat, 3) X(36, symlinkat, 3) X(37, linkat, 5) X(38, renameat, 4)                 \
  X(43, statfs, 2) X(44, fstatfs, 2) X(45, truncate, 2) X(46, ftruncate, 2) X(47, fallocate, 4)                \
  X(48, faccessat, 3) X(49, chdir, 1) X(50, fchdir, 1) X(51, chroot, 1) X(52, fchmod, 2) X(53, fchmodat, 3)    \
  X(54, fchownat, 5) X(55, fchown, 3) X(56, openat, 4) X(57, close, 1) X(59, pipe2, 2) X(61, getdents64, 3)    \
  X(62, lseek, 3) X(63, read, 3) X(64, write, 3) X(65, readv, 3) X(66, writev, 3) X(67, pread64, 4)            \
  X(68, pwrite64, 4) X(69, preadv, 4) X(70, pwritev, 4) X(71, sendfile, 4) X(72, pselect6, 6) X(73, ppoll, 5)  \
  X(76, splice, 6) X(78, readlinkat, 4) X(79, newfstatat, 4) X(80, fstat, 2) X(81, sync, 0) X(82, fsync, 1)    \
  X(83, fdatasync, 1) X(85, timerfd_create, 2) X(86, timerfd_settime, 4) X(87, timerfd_gettime, 2)             \
  X(88, utimensat, 4) X(90, capget, 2) X(92, personality, 1) X(93, exit, 1) X(94, exit_group, 1)               \
  X(95, waitid, 5) X(96, set_tid_address, 1) X(98, futex, 6) X(99, set_robust_list, 2)                         \
  X(100, get_robust_list, 3) X(101, nanosleep, 2) X(102, getitimer, 2) X(103, setitimer, 3)                    \
  X(113, clock_gettime, 2) X(114, clock_getres, 2) X(115, clock_nanosleep, 4) X(122, sched_setaffinity, 3)     \
  X(123, sched_getaffinity, 3) X(124, sched_yield, 0) X(129, kill, 2) X(130, tkill, 2) X(131, tgkill, 3)       \
  X(132, sigaltstack, 2) X(133, rt_sigsuspend, 2) X(134, rt_sigaction, 4) X(135, rt_sigprocmask, 4)            \
  X(136, rt_sigpending, 2) X(139, rt_sigreturn, 0) X(144, setgid, 1) X(146, setuid, 1) X(148, getresuid, 3)    \
  X(150, getresgid, 3) X(153, times, 1) X(154, setpgid, 2) X(155, getpgid, 1) X(156, getsid, 1)                \
  X(157, setsid, 0) X(158, getgroups, 2) X(160, uname, 1) X(163, getrlimit, 2) X(164, setrlimit, 2)            \
  X(165, getrusage, 2) X(166, umask, 1) X(167, prctl, 5) X(168, getcpu, 3) X(169, gettimeofday, 2)             \
  X(172, getpid, 0) X(173, getppid, 0) X(174, getuid, 0) X(175, geteuid, 0) X(176, getgid, 0)                  \
  X(177, getegid, 0) X(178, gettid, 0) X(179, sysinfo, 1) X(198, socket, 3) X(199, socketpair, 4)              \
  X(200, bind, 3) X(201, listen, 2) X(202, accept, 3) X(203, connect, 3) X(204, getsockname, 3)                \
  X(205, getpeername, 3) X(206, sendto, 6) X(207, recvfrom, 6) X(208, setsockopt, 5) X(209, getsockopt, 5)     \
  X(210, shutdown, 2) X(211, sendmsg, 3) X(212, recvmsg, 3) X(214, brk, 1) X(215, munmap, 2)                   \
  X(216, mremap, 5) X(220, clone, 5) X(221, execve, 3) X(222, mmap, 6) X(223, fadvise64, 4)                    \
  X(226, mprotect, 3) X(227, msync, 3) X(232, mincore, 3) X(233, madvise, 3) X(242, accept4, 4)                \
  X(260, wait4, 4) X(261, prlimit64, 4) X(276, renameat2, 5) X(278, getrandom, 3) X(279, memfd_create, 2)      \
  X(283, membarrier, 3) X(285, copy_file_range, 6) X(291, statx, 5) X(293, rseq, 4) X(435, clone3, 2)          \
  X(436, close_range, 3) X(437, openat2, 4) X(439, faccessat2, 4)

#define SYSCALL_ENUM_ENTRY(nr, name, args) SYS_##name = nr,
enum { LINUX_SYSCALLS(SYSCALL_ENUM_ENTRY) };
#undef SYSCALL_ENUM_ENTRY

#endif
