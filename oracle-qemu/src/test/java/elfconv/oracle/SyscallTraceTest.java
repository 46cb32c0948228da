package elfconv.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyscallTraceTest {
  /** Lines captured from qemu-aarch64 7.2 -d strace. */
  private static final String QEMU_LOG = """
      4201 getpid() = 4201
      4137 brk(NULL) = 0x0000000000211000
      4137 brk(0x0000000000212000) = 0x0000000000212000
      4201 openat(AT_FDCWD,"nonexist",O_RDONLY) = -1 errno=2 (No such file or directory)
      4201 mmap(NULL,4096,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0) = 0x0000005500802000
      4201 read(0,0x802000,4) = 4
      4370 Unknown syscall 293
      4137 write(-1,0,1) = -1 errno=14 (Bad address)
      4137 write(1,0x210188,6) = 6
      4370 exit_group(9029)
      """;

  /** The same behaviour as the elfconv runtime traces it (different addresses, pid and brk base). */
  private static final String ELFCONV_TRACE = """
      getpid() = 77
      brk(0x0) = 4259840
      brk(0x411000) = 4263936
      openat(0xffffffffffffff9c,"nonexist",0x0,0x0) = -2
      mmap(0x0,0x1000,0x3,0x22,0xffffffffffffffff,0x0) = 1073741824
      read(0x0,0x40000000,0x4) = 4
      rseq(0x0,0x0,0x0,0x0) = -38
      write(0xffffffffffffffff,0x0,0x1) = -14
      write(0x1,0x400100,0x6) = 6
      exit_group(0xfedc000000002345) = ?
      """;

  @Test
  void parsesQemuLines() {
    List<SyscallRecord> records = SyscallTrace.parseQemu(QEMU_LOG);

    assertEquals(new SyscallRecord("openat", List.of("AT_FDCWD", "\"nonexist\"", "O_RDONLY"), -2), records.get(3));
    assertEquals(0x5500802000L, records.get(4).result());
    assertEquals(new SyscallRecord("rseq", List.of(), SyscallRecord.NO_RESULT), records.get(6));
    assertEquals(new SyscallRecord("exit_group", List.of("9029"), SyscallRecord.NO_RESULT), records.get(9));
  }

  @Test
  void qemuLinesWithExtrasSignalsAndCutOffSyscalls() {
    List<SyscallRecord> records = SyscallTrace.parseQemu("""
        4370 getitimer(ITIMER_REAL,NULL) = 0 (NULL)
        4370 openat(AT_FDCWD,"a,b) = 1",O_RDONLY) = 3
        4370 rt_sigreturn(0,0,0,0,0,0) = -1 errno=513 (Successful exit from sigreturn)
        --- SIGSEGV {si_signo=SIGSEGV, si_code=SI_KERNEL, si_pid=0, si_uid=0} ---
        6582  = -1 errno=14 (Bad address)
        4221 kill(4221,SIGKILL)""");

    assertEquals(List.of(
        new SyscallRecord("getitimer", List.of("ITIMER_REAL", "NULL"), 0),
        new SyscallRecord("openat", List.of("AT_FDCWD", "\"a,b) = 1\"", "O_RDONLY"), 3),
        new SyscallRecord("rt_sigreturn", List.of("0", "0", "0", "0", "0", "0"), -513),
        new SyscallRecord(SyscallRecord.UNPARSED, List.of("6582  = -1 errno=14 (Bad address)"),
            SyscallRecord.NO_RESULT),
        new SyscallRecord("kill", List.of("4221", "SIGKILL"), SyscallRecord.NO_RESULT)), records);
  }

  @Test
  void parsesElfconvLines() {
    List<SyscallRecord> records = SyscallTrace.parseElfconv(ELFCONV_TRACE);

    assertEquals(new SyscallRecord("write", List.of("0x1", "0x400100", "0x6"), 6), records.get(8));
    assertEquals(new SyscallRecord("exit_group", List.of("0xfedc000000002345"), SyscallRecord.NO_RESULT),
        records.get(9));
  }

  @Test
  void rejectsMalformedElfconvLinesByNumber() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyscallTrace.parseElfconv("write(0x1,0x2,0x3) = 3\nwrite(1,2,3) = 3\n"));

    assertTrue(e.getMessage().startsWith("line 2 of the elfconv syscall trace"), e.getMessage());
  }

  @Test
  void bothFormatsNormaliseToTheSameLines() {
    List<String> qemu = SyscallTrace.normalise(SyscallTrace.parseQemu(QEMU_LOG));
    List<String> elfconv = SyscallTrace.normalise(SyscallTrace.parseElfconv(ELFCONV_TRACE));

    assertEquals(List.of(
        "getpid = varies",
        "brk(0) = +0x0",
        "brk(+0x1000) = +0x1000",
        "openat(\"nonexist\") = -2",
        "mmap = ptr",
        "read(0,4) = 4",
        "rseq = ?",
        "write(-1,1) = -14",
        "write(1,6) = 6",
        "exit_group(9029)"), qemu);
    assertEquals(qemu, elfconv);
  }

  /** Lines from qemu-aarch64 7.2 running a program in /tmp/rt/fq, and the runtime's lines for the same calls. */
  @Test
  void pathsCompareByContentAndHostPathLengthsVary() {
    String qemuLog = """
        32093 renameat(AT_FDCWD,"dir/inner",AT_FDCWD,"dir/renamed") = 0
        32093 chdir("dir") = 0
        32093 getcwd(0x55007ff630,4096) = 15
        32093 newfstatat(AT_FDCWD,"/tmp/rt/fq/dir",0x00000055007ff550,0) = 0
        32093 getcwd(0x55007ff630,2) = -1 errno=34 (Numerical result out of range)
        32093 readlinkat(AT_FDCWD,"/proc/self/exe",0x00000055007ff630,4096) = 13
        32093 readlinkat(AT_FDCWD,"data",0x0000005500800810,64) = -1 errno=22 (Invalid argument)
        32097 rt_sigreturn(4325376,6425,365080606144,4325408,1,4325376) = -1 errno=513 (Successful exit from sigreturn)
        32093 renameat2(-100,4199560,-100,4200272,1,0) = -1 errno=17 (File exists)
        """;
    String elfconvTrace = """
        renameat(0xffffffffffffff9c,"dir/inner",0xffffffffffffff9c,"dir/renamed") = 0
        chdir("dir") = 0
        getcwd(0xfffe630,0x1000) = 21
        newfstatat(0xffffffffffffff9c,"/work/run/x86_64/dir",0xfffe550,0x0) = 0
        getcwd(0xfffe630,0x2) = -34
        readlinkat(0xffffffffffffff9c,"/proc/self/exe",0xfffe630,0x1000) = 29
        readlinkat(0xffffffffffffff9c,"data",0xfffe810,0x40) = -22
        rt_sigreturn() = 0
        renameat2(0xffffffffffffff9c,"data",0xffffffffffffff9c,"dir/renamed",0x1) = -17
        """;
    List<String> qemu = SyscallTrace.normalise(SyscallTrace.parseQemu(qemuLog), java.nio.file.Path.of("/tmp/rt/fq"));
    List<String> elfconv = SyscallTrace.normalise(SyscallTrace.parseElfconv(elfconvTrace),
        java.nio.file.Path.of("/work/run/x86_64"));

    assertEquals(List.of(
        "renameat(\"dir/inner\",\"dir/renamed\") = 0",
        "chdir(\"dir\") = 0",
        "getcwd = varies",
        "newfstatat(\"<cwd>/dir\") = 0",
        "getcwd = -34",
        "readlinkat(\"/proc/self/exe\") = varies",
        "readlinkat(\"data\") = -22",
        "rt_sigreturn = ?",
        "renameat2 = -17"), qemu);
    assertEquals(qemu, elfconv);
    assertFalse(qemu.equals(SyscallTrace.normalise(SyscallTrace.parseElfconv(
        "chdir(\"other\") = 0\n"))), "a different path is a different call");
  }

  @Test
  void differentBehaviourNormalisesDifferently() {
    List<String> qemu = SyscallTrace.normalise(SyscallTrace.parseQemu("1 write(1,0x10,6) = 6\n"));

    assertFalse(qemu.equals(SyscallTrace.normalise(SyscallTrace.parseElfconv("write(0x2,0x10,0x6) = 6\n"))));
    assertFalse(qemu.equals(SyscallTrace.normalise(SyscallTrace.parseElfconv("write(0x1,0x10,0x6) = 5\n"))));
    assertFalse(qemu.equals(SyscallTrace.normalise(SyscallTrace.parseElfconv("write(0x1,0x10,0x7) = 6\n"))));
  }

  @Test
  void brkWithoutQueryIsRelativeToItsFirstResult() {
    List<String> lines = SyscallTrace.normalise(SyscallTrace.parseElfconv("""
        brk(0x5000) = 20480
        brk(0x3000) = 12288
        """));

    assertEquals(List.of("brk(+0x0) = +0x0", "brk(-0x2000) = -0x2000"), lines);
  }

  @Test
  void nonNumericScalarArgumentIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyscallTrace.normalise(SyscallTrace.parseQemu("1 write(STDOUT,0x10,6) = 6\n")));

    assertEquals("argument 1 of write is not a number: STDOUT", e.getMessage());
  }

  @Test
  void firstDifferenceGivesIndexAndBothLines() {
    assertEquals(Optional.empty(), SyscallTrace.firstDifference(List.of("a", "b"), List.of("a", "b")));
    assertEquals(Optional.of(new SyscallTrace.Difference(1, "b", "c")),
        SyscallTrace.firstDifference(List.of("a", "b"), List.of("a", "c", "d")));
    assertEquals(Optional.of(new SyscallTrace.Difference(2, "(end of trace)", "d")),
        SyscallTrace.firstDifference(List.of("a", "b"), List.of("a", "b", "d")));
  }

  @Test
  void namesSyscallsByNumber() {
    assertEquals("newfstatat", AArch64Syscalls.name(79));
    assertEquals("syscall_500", AArch64Syscalls.name(500));
    assertEquals(List.of(new SyscallRecord("syscall_500", List.of(), SyscallRecord.NO_RESULT)),
        SyscallTrace.parseQemu("9 Unknown syscall 500\n"));
  }
}
