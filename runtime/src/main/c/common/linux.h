/* Linux/AArch64 ABI numbers the runtime emulates for the guest (the asm-generic values). */
#ifndef ELFCONV_LINUX_H
#define ELFCONV_LINUX_H

#define GUEST_PAGE_SIZE 4096u

#define LINUX_EBADF 9
#define LINUX_EFAULT 14
#define LINUX_EINVAL 22
#define LINUX_ENOSYS 38

#define LINUX_SIGILL 4
#define LINUX_SIGTRAP 5

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
