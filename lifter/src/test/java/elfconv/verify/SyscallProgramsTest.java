package elfconv.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.codegen.Compiler;
import elfconv.oracle.Environment;
import elfconv.oracle.GuestRun;
import elfconv.oracle.ProcessRunner;
import elfconv.oracle.QemuOracle;
import elfconv.oracle.RunResult;
import elfconv.report.ProgramReport;
import elfconv.report.TargetRun;
import elfconv.run.TranslatedRun;
import elfconv.toolchain.Target;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime's process model and syscalls, one freestanding C program per group (src/test/resources/elfconv/
 * syscalls), compiled with aarch64-linux-gnu-gcc and run under QEMU and on both targets: exit status, stdout,
 * stderr and the normalised syscall trace must agree.
 */
class SyscallProgramsTest {
  private static final Path SOURCES = Path.of("src/test/resources/elfconv/syscalls").toAbsolutePath();
  private static final String GCC = "aarch64-linux-gnu-gcc";

  @TempDir
  Path dir;

  static Path compile(Path dir, String name) {
    boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
        .anyMatch(d -> Files.isExecutable(Path.of(d.isEmpty() ? "." : d, GCC)));
    if (!found) {
      throw new IllegalStateException(GCC + " is not on the PATH: install gcc-aarch64-linux-gnu (scripts/setup)");
    }
    Path elf = dir.resolve(name);
    RunResult gcc = new ProcessRunner(Duration.ofMinutes(1)).run(List.of(GCC, "-static", "-nostdlib",
        "-ffreestanding", "-O1", "-fno-tree-vectorize", "-fno-builtin", "-o", elf.toString(),
        SOURCES.resolve(name + ".c").toString()), Environment.ofThisProcess(), dir, new byte[0]);
    assertEquals(0, gcc.exitStatus(), () -> GCC + " failed on " + name + ".c: " + gcc.stderrText());
    return elf;
  }

  private ProgramReport verify(String name, List<String> args, List<Target> targets) {
    Path elf = compile(dir, name);
    ProgramReport report = new Verifier(dir.resolve("runs"), targets).verify(new ProgramSpec(name, elf, args, null));
    assertEquals(ProgramReport.Verdict.PASS, report.verdict(), () -> String.join("\n", report.differences()));
    return report;
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "files", "signals", "locks", "ioctls", "select", "devices", "timers"})
  void agreesWithQemuOnBothTargets(String name) {
    verify(name, List.of(), List.of(Target.values()));
  }

  @Test
  void initialStackAndAuxiliaryVectorAsQemuBuildsThem() {
    ProgramReport report = verify("startup", List.of("first", "second argument"), List.of(Target.values()));
    assertEquals(3, report.runs().get(1).exitStatus());
  }

  @Test
  void processCallsAgreeAndUnemulatedOnesAreListed() {
    ProgramReport report = verify("process", List.of(), List.of(Target.values()));
    for (TargetRun run : report.runs().subList(1, report.runs().size())) {
      assertEquals(List.of("set_robust_list", "rseq", "syscall_400"), run.unemulatedSyscalls(), run.target());
    }
  }

  /**
   * QEMU, both translations and the verifier give the guest the environment in the order given (QEMU reverses
   * what it is handed; PWD names each run's directory in its place), and none of elfconv's own variables.
   */
  @Test
  void aHundredVariablesReachTheGuestInTheirOrder() throws IOException {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      entries.add(String.format("V%02d_%s=value %d", (i * 37) % 100, i % 2 == 0 ? "even" : "odd", i));
      if (i == 50) {
        entries.add("PWD=/elsewhere");
        entries.add("ELFCONV_HIDDEN=1");
      }
    }
    Environment environment = new Environment(entries);
    Path elf = compile(dir, "environment");
    ProgramReport report = new Verifier(dir.resolve("runs"), List.of(Target.values()))
        .verify(new ProgramSpec("environment", elf, List.of(), null).withEnvironment(environment.withoutOwn()));
    assertEquals(ProgramReport.Verdict.PASS, report.verdict(), () -> String.join("\n", report.differences()));

    Path qemuDir = Files.createDirectories(dir.resolve("qemu"));
    String qemu = new QemuOracle(Duration.ofMinutes(1)).run(GuestRun.of(elf, List.of(), qemuDir)
        .withEnvironment(environment.withoutOwn()), false).stdoutText();
    assertEquals(expected(entries, qemuDir), qemu);
    for (Target target : Target.values()) {
      Path program = dir.resolve("environment." + target.id());
      Compiler.compile(elf, program, new Compiler.Options(target));
      Path runDir = Files.createDirectories(dir.resolve(target.id()));
      String translated = TranslatedRun.run(target, program, List.of("environment"), environment, runDir,
          Duration.ofMinutes(1)).result().stdoutText();
      assertEquals(expected(entries, runDir), translated, target.id());
    }
  }

  private static String expected(List<String> entries, Path runDir) {
    StringBuilder text = new StringBuilder();
    for (String entry : entries) {
      if (!entry.startsWith("ELFCONV_")) {
        text.append(entry.startsWith("PWD=") ? "PWD=" + runDir.toAbsolutePath() : entry).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Sockets are the host's on x86_64, where the program agrees with QEMU; WASI preview1 cannot create one, and
   * the wasm32 translation says so with Linux's errno for a missing address family.
   */
  @Test
  void socketsOnX86_64AndTheirAbsenceOnWasm32() throws IOException {
    verify("sockets", List.of(), List.of(Target.X86_64));
    Path program = dir.resolve("sockets.wasm");
    Compiler.compile(dir.resolve("sockets"), program, new Compiler.Options(Target.WASM32));
    Path runDir = Files.createDirectories(dir.resolve("wasm"));
    RunResult run = TranslatedRun.run(Target.WASM32, program, List.of("sockets"), Environment.forGuest(), runDir,
        Duration.ofMinutes(1)).result();
    assertEquals("socketpair = -97\nsocket of an unknown family = -97\nsendto on a file = -88\n"
        + "sendto on a bad fd = -9\n", run.stdoutText());
  }

  /**
   * Links, times, copies, permission bits and owners agree with QEMU on both targets (WASI keeps no permission bits
   * or owners: the runtime keeps the guest's bits beside the inode, and the guest owns every file); file systems
   * only on x86_64, WASI telling nothing of them.
   */
  @Test
  void fileMetadataOnBothTargets() throws IOException {
    verify("metadata", List.of(), List.of(Target.X86_64));
    Path elf = dir.resolve("metadata");
    String qemu = new QemuOracle(Duration.ofMinutes(1)).run(GuestRun.of(elf, List.of(),
        Files.createDirectories(dir.resolve("qemu"))), false).stdoutText();
    Path program = dir.resolve("metadata.wasm");
    Compiler.compile(elf, program, new Compiler.Options(Target.WASM32));
    String wasm = TranslatedRun.run(Target.WASM32, program, List.of("metadata"), Environment.forGuest(),
        Files.createDirectories(dir.resolve("wasm")), Duration.ofMinutes(1)).result().stdoutText();
    assertEquals(qemu.substring(0, qemu.indexOf("statfs = ")) + """
        statfs = -38
          block size = 0
        fstatfs = -38
        statfs of no file = -38
        """, wasm);
  }

  /**
   * A TCP echo server and its client, two processes on loopback: translated for x86_64, they print what they
   * print under QEMU.
   */
  @Test
  void echoServerAndClientAgreeWithQemuOnX86_64() throws Exception {
    Path server = compile(dir, "echo_server");
    Path client = compile(dir, "echo_client");
    List<String> qemu = serveOnce(List.of("qemu-aarch64", "-cpu", "cortex-a72", server.toString()),
        List.of("qemu-aarch64", "-cpu", "cortex-a72", client.toString()), "qemu");
    Path serverX86 = dir.resolve("echo_server.x86_64");
    Path clientX86 = dir.resolve("echo_client.x86_64");
    Compiler.compile(server, serverX86, new Compiler.Options(Target.X86_64));
    Compiler.compile(client, clientX86, new Compiler.Options(Target.X86_64));
    List<String> translated = serveOnce(List.of(serverX86.toString()), List.of(clientX86.toString()), "x86_64");
    assertEquals(List.of("accepted = 1\nechoed bytes = 20\nlast recvfrom = 0\n", "connect = 0\necho: first\n"
        + "echo: second message\necho: 3\nshutdown = 0\nend of stream = 0\n"), qemu);
    assertEquals(qemu, translated);
  }

  /** Runs the server and, at the same time, the client in one fresh directory; their outputs. */
  private List<String> serveOnce(List<String> server, List<String> client, String name) throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("echo-" + name));
    ProcessRunner runner = new ProcessRunner(Duration.ofMinutes(1));
    CompletableFuture<RunResult> served = CompletableFuture.supplyAsync(
        () -> runner.run(server, Environment.forGuest(), runDir, new byte[0]));
    RunResult answered = runner.run(client, Environment.forGuest(), runDir, new byte[0]);
    return List.of(served.get().stdoutText(), answered.stdoutText());
  }

  /**
   * A wasm32 guest has no controlling terminal (WASI has none to give): /dev/tty cannot be opened, with the ENXIO
   * of a process started without one (as QEMU's run is here, unless run from a terminal).
   */
  @Test
  void noControllingTerminalOnWasm32() throws IOException {
    Path program = dir.resolve("tty.wasm");
    Compiler.compile(compile(dir, "tty"), program, new Compiler.Options(Target.WASM32));
    RunResult run = TranslatedRun.run(Target.WASM32, program, List.of("tty"), Environment.forGuest(),
        Files.createDirectories(dir.resolve("wasm")), Duration.ofMinutes(1)).result();
    assertEquals("open /dev/tty = -6\n", run.stdoutText());
  }

  /** eventfd, timerfd, epoll and memfd are the host's on x86_64; WASI preview1 has none of them. */
  @Test
  void eventDescriptorsOnX86_64AndTheirAbsenceOnWasm32() throws IOException {
    verify("events", List.of(), List.of(Target.X86_64));
    Path program = dir.resolve("events.wasm");
    Compiler.compile(dir.resolve("events"), program, new Compiler.Options(Target.WASM32));
    RunResult run = TranslatedRun.run(Target.WASM32, program, List.of("events"), Environment.forGuest(),
        Files.createDirectories(dir.resolve("wasm")), Duration.ofMinutes(1)).result();
    assertEquals("eventfd2 = -38\n", run.stdoutText());
  }

  /**
   * The guest address space is 64-bit on both targets: an address 4 GiB or 1 TiB above a global faults as under
   * QEMU, with no wrap-around, and one whose top byte holds a tag reads the global (TBI).
   */
  @ParameterizedTest
  @ValueSource(strings = {"far", "window", "tagged"})
  void farAndTaggedAddressesAsUnderQemuOnBothTargets(String mode) {
    ProgramReport report = verify("fault", List.of(mode), List.of(Target.values()));
    for (TargetRun run : report.runs()) {
      assertEquals(mode.equals("tagged") ? 0 : 139, run.exitStatus(), run.target());
    }
  }

  /**
   * A 3 GiB mapping: on x86_64 the guest may use what the host gives it, as under QEMU; wasm32's window (256 MiB
   * of linear memory) has no room, and mmap fails with ENOMEM.
   */
  @Test
  void aGiganticMappingOnX86_64AndEnomemOnWasm32() throws IOException {
    verify("fault", List.of("gigantic"), List.of(Target.X86_64));
    Path program = dir.resolve("fault.wasm");
    Compiler.compile(dir.resolve("fault"), program, new Compiler.Options(Target.WASM32));
    RunResult run = TranslatedRun.run(Target.WASM32, program, List.of("fault", "gigantic"), Environment.forGuest(),
        Files.createDirectories(dir.resolve("wasm")), Duration.ofMinutes(1)).result();
    assertEquals("before the fault\n3 GiB mapped = 0\nafter the fault\n", run.stdoutText());
  }

  /** wasm32 has no page protection: lifted code will check accesses itself (elfconv_fault); x86_64 faults. */
  @ParameterizedTest
  @ValueSource(strings = {"null", "readonly", "unmapped", "stack", "high", "low", "bus"})
  void wildAccessesDieBySigsegvOnX86_64(String mode) throws Exception {
    ProgramReport report = verify("fault", List.of(mode), List.of(Target.X86_64));
    boolean bus = mode.equals("bus");
    assertEquals(bus ? 135 : 139, report.runs().get(1).exitStatus());

    Path program = dir.resolve("fault.x86_64");
    Compiler.compile(dir.resolve("fault"), program, new Compiler.Options(Target.X86_64));
    Path runDir = Files.createDirectories(dir.resolve("direct"));
    RunResult run = TranslatedRun.run(Target.X86_64, program, List.of("fault", mode), Environment.forGuest(), runDir,
        Duration.ofMinutes(1)).result();
    assertEquals(bus ? 135 : 139, run.exitStatus());
    String kind = bus ? "bus error" : "segmentation fault";
    assertTrue(run.stderrText().matches("elfconv: " + kind
        + " at guest address 0x[0-9a-f]+ \\(in guest function 0x4[0-9a-f]{5}\\)\n"), run.stderrText());
  }

  /**
   * Linux keeps ignored signals ignored across execve, and QEMU shows them so to the guest; on x86_64 the runtime
   * reads them from the host (WASI has no signal dispositions to pass on).
   */
  @Test
  void signalsIgnoredByTheParentStayIgnoredOnX86_64() {
    Path elf = compile(dir, "inherited");
    Path program = dir.resolve("inherited.x86_64");
    Compiler.compile(elf, program, new Compiler.Options(Target.X86_64));
    ProcessRunner runner = new ProcessRunner(Duration.ofMinutes(1));
    List<String> ignoring = List.of("sh", "-c", "trap '' INT QUIT; exec \"$@\"", "sh");
    RunResult qemu = runner.run(concat(ignoring, List.of("qemu-aarch64", "-cpu", "cortex-a72", elf.toString())),
        Environment.ofThisProcess(), dir, new byte[0]);
    RunResult translated = runner.run(concat(ignoring, List.of(program.toString())), Environment.ofThisProcess(), dir,
        new byte[0]);
    assertTrue(qemu.stdoutText().contains("ignored = 2\nignored = 3\n"), qemu.stdoutText());
    assertEquals(qemu.stdoutText(), translated.stdoutText());
    assertEquals(0, translated.exitStatus(), translated.stderrText());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
