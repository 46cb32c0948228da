/* Linux/AArch64 ABI numbers the runtime emulates for the guest (the asm-generic values). */
#ifndef ELFCONV_LINUX_H
#define ELFCONV_LINUX_H

#define GUEST_PAGE_SIZE 4096u

#define LINUX_EPERM 1
#define LINUX_ENOENT 2
#define LINUX_ESRCH 3
#define LINUX_EINTR 4
#define LINUX_ENXIO 6
#define LINUX_EBADF 9
#define LINUX_EAGAIN 11
#define LINUX_ENOMEM 12
#define LINUX_EACCES 13
#define LINUX_EFAULT 14
#define LINUX_EEXIST 17
#define LINUX_ENOTDIR 20
#define LINUX_EISDIR 21
#define LINUX_EINVAL 22
#define LINUX_EMFILE 24
#define LINUX_ENOTTY 25
#define LINUX_ESPIPE 29
#define LINUX_EPIPE 32
#define LINUX_ERANGE 34
#define LINUX_ENAMETOOLONG 36
#define LINUX_ENOSYS 38
#define LINUX_ENOTSOCK 88
#define LINUX_EMSGSIZE 90
#define LINUX_EAFNOSUPPORT 97
#define LINUX_ETIMEDOUT 110

#define LINUX_SIGILL 4
#define LINUX_SIGTRAP 5
#define LINUX_SIGBUS 7
#define LINUX_SIGKILL 9
#define LINUX_SIGSEGV 11
#define LINUX_SIGPIPE 13
#define LINUX_SIGALRM 14
#define LINUX_SIGCHLD 17
#define LINUX_SIGCONT 18
#define LINUX_SIGSTOP 19
#define LINUX_SIGTSTP 20
#define LINUX_SIGTTIN 21
#define LINUX_SIGTTOU 22
#define LINUX_SIGURG 23
#define LINUX_SIGVTALRM 26
#define LINUX_SIGPROF 27
#define LINUX_SIGWINCH 28
#define LINUX_NSIG 64

/* mmap and friends: the same values on x86_64. */
#define LINUX_PROT_READ 1u
#define LINUX_PROT_WRITE 2u
#define LINUX_PROT_EXEC 4u
#define LINUX_MAP_SHARED 0x01u
#define LINUX_MAP_PRIVATE 0x02u
#define LINUX_MAP_TYPE 0x0fu
#define LINUX_MAP_FIXED 0x10u
#define LINUX_MAP_ANONYMOUS 0x20u
#define LINUX_MAP_FIXED_NOREPLACE 0x100000u
#define LINUX_MREMAP_MAYMOVE 1u
#define LINUX_MREMAP_FIXED 2u
#define LINUX_MADV_DONTNEED 4u

/* openat flags: asm-generic values as AArch64 uses them (x86_64 differs in DIRECTORY, NOFOLLOW, DIRECT, LARGEFILE). */
#define LINUX_O_ACCMODE 03u
#define LINUX_O_RDONLY 0u
#define LINUX_O_WRONLY 01u
#define LINUX_O_RDWR 02u
#define LINUX_O_CREAT 0100u
#define LINUX_O_EXCL 0200u
#define LINUX_O_NOCTTY 0400u
#define LINUX_O_TRUNC 01000u
#define LINUX_O_APPEND 02000u
#define LINUX_O_NONBLOCK 04000u
#define LINUX_O_DIRECTORY 040000u
#define LINUX_O_NOFOLLOW 0100000u
#define LINUX_O_DIRECT 0200000u
#define LINUX_O_LARGEFILE 0400000u
#define LINUX_O_CLOEXEC 02000000u
#define LINUX_AT_FDCWD (-100)
#define LINUX_AT_SYMLINK_NOFOLLOW 0x100u
#define LINUX_AT_REMOVEDIR 0x200u
#define LINUX_AT_EMPTY_PATH 0x1000u

/* Largest transfer one read/write performs (MAX_RW_COUNT); larger requests are shortened. */
#define LINUX_MAX_RW_COUNT 0x7ffff000u
/* Largest iovec count readv/writev accept (UIO_MAXIOV). */
#define LINUX_UIO_MAXIOV 1024u

/* Auxiliary vector tags. */
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31

/* What QEMU 7.2 reports for -cpu cortex-a72 (FP|ASIMD|AES|PMULL|SHA1|SHA2|CRC32|CPUID), so that glibc's IFUNCs
 * choose the same implementations under QEMU and translated. */
#define GUEST_HWCAP 0x8fbu
#define GUEST_CLKTCK 100u

#endif
