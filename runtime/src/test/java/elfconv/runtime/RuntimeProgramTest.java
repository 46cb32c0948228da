package elfconv.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.toolchain.Target;
import elfconv.toolchain.Toolchain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Links the runtime with a C program that plays the lifter's part ({@code lifted-program.c} in the test resources)
 * using the same flags as the lifter, and runs it: x86_64 natively, wasm32 under Node's WASI. Both targets must
 * give the same output, exit status and trace.
 */
class RuntimeProgramTest {
  /** elfconv_window_size in lifted-program.c. */
  static final long WINDOW_SIZE = 256L << 20;
  static final long STACK_TOP = WINDOW_SIZE - 4096;
  static final long AT_PLATFORM = 15;
  static final long AT_RANDOM = 25;
  static final long AT_EXECFN = 31;

  @TempDir
  static Path dir;
  static final Map<Target, List<String>> launchers = new EnumMap<>(Target.class);

  record Run(int status, String stdout, String stderr) {}

  @BeforeAll
  static void linkPrograms() throws IOException {
    Path source = copyResource("lifted-program.c");
    Path runner = copyResource("run-wasi.mjs");
    for (Target target : Target.values()) {
      String program = link(target, source).toString();
      launchers.put(target, switch (target) {
        case X86_64 -> List.of(program);
        case WASM32 -> List.of(node(), "--no-warnings", runner.toString(), program);
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void writesFromASegmentAndExits(Target target) {
    assertEquals(new Run(3, "hello\n", ""), run(target, Map.of(), "hello"));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void tracesEverySyscallBeforeTheProcessExits(Target target) throws IOException {
    String trace = target.id() + "-hello.strace";
    assertEquals(new Run(3, "hello\n", ""), run(target, Map.of("ELFCONV_STRACE", trace), "hello"));
    assertEquals("write(0x1,0x400100,0x6) = 6\nexit_group(0x3) = ?\n", Files.readString(dir.resolve(trace)));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void passesArgumentsOnTheGuestStack(Target target) {
    assertEquals(new Run(0, "one\ntwo words\n\n", ""), run(target, Map.of(), "args", "one", "two words", ""));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void hidesRuntimeSettingsFromTheGuest(Target target) {
    Map<String, String> env = Map.of("A", "1", "B", "two words", "ELFCONV_STRACE", target.id() + "-env.strace",
        "ELFCONV_OTHER", "x");
    StackDump stack = StackDump.parse(run(target, env, "stack"));
    assertEquals(Set.of("A=1", "B=two words"), new HashSet<>(stack.envp.strings));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void buildsTheInitialStackLikeLinux(Target target) throws IOException {
    StackDump stack = StackDump.parse(run(target, Map.of("A", "1"), "stack", "p", "q"));
    String program = launchers.get(target).get(launchers.get(target).size() - 1);
    assertEquals(List.of(program, "stack", "p", "q"), stack.argv.strings);
    assertEquals(4, stack.argc);

    // Strings from the top: end marker, AT_EXECFN, environment, arguments, each run contiguous.
    long execfn = stack.aux(AT_EXECFN);
    assertEquals(STACK_TOP - 8, execfn + program.length() + 1);
    assertEquals(execfn, stack.envp.end());
    assertEquals(stack.envp.addresses.get(0), stack.argv.end());
    // Below them, 16-byte aligned: AT_PLATFORM, then the AT_RANDOM bytes.
    long platform = stack.aux(AT_PLATFORM);
    assertEquals((stack.argv.addresses.get(0) & ~15) - 8, platform);
    assertEquals(platform - 16, stack.aux(AT_RANDOM));
    // Then the tables at the highest 16-byte aligned sp that fits them.
    long tableSize = 8L * (1 + stack.argc + 1 + stack.envp.strings.size() + 1) + 16L * stack.auxv.size();
    assertEquals((stack.aux(AT_RANDOM) - tableSize) & ~15, stack.sp);
    assertEquals("aarch64", stack.auxvStrings.get(AT_PLATFORM));
    assertEquals(program, stack.auxvStrings.get(AT_EXECFN));

    long[] ids = target == Target.X86_64 ? hostIds() : new long[4];
    assertEquals(List.of(Map.entry(3L, 0x400040L), Map.entry(4L, 56L), Map.entry(5L, 2L), Map.entry(6L, 4096L),
        Map.entry(7L, 0L), Map.entry(8L, 0L), Map.entry(9L, 0x400000L), Map.entry(11L, ids[0]), Map.entry(12L, ids[1]),
        Map.entry(13L, ids[2]), Map.entry(14L, ids[3]), Map.entry(16L, 0x8fbL), Map.entry(17L, 100L),
        Map.entry(25L, platform - 16), Map.entry(23L, 0L), Map.entry(31L, execfn), Map.entry(26L, 0L),
        Map.entry(15L, platform), Map.entry(0L, 0L)), stack.auxv);
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void reportsAJumpToUntranslatedCode(Target target) {
    String message = "elfconv: jump to untranslated address 0xdead0000 (last indirect branch at 0x400abc)\n";
    assertEquals(new Run(126, "", message), run(target, Map.of(), "jump"));
    String unknownOrigin = "elfconv: jump to untranslated address 0x1234 (last indirect branch at unknown)\n";
    assertEquals(new Run(126, "", unknownOrigin), run(target, Map.of(), "jump0"));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void guestFaultDiesBySigsegvNamingAddressAndFunction(Target target) {
    String message = "elfconv: segmentation fault at guest address 0xdeadbee0 (in guest function 0x400080)\n";
    assertEquals(new Run(139, "", message), run(target, Map.of(), "fault"));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void dispatchRunsTranslatedFunctionsAndReturnsOtherTargets(Target target) {
    assertEquals(new Run(0, "", ""), run(target, Map.of(), "dispatch"));
  }

  /** The program checks results and memory itself and exits with the number of the first failed check. */
  @ParameterizedTest
  @EnumSource(Target.class)
  void brkGrowsZeroFillsAndRefusesBadRequests(Target target) throws IOException {
    String trace = target.id() + "-brk.strace";
    assertEquals(new Run(0, "", ""), run(target, Map.of("ELFCONV_STRACE", trace), "brk"));
    assertEquals("""
        brk(0x0) = 4272128
        brk(0x415345) = 4281157
        brk(0x414000) = 4276224
        brk(0x415345) = 4281157
        brk(0x412000) = 4281157
        brk(0xffffffff) = 4281157
        brk(0x10000000000) = 4281157
        brk(0xffffffffffffffff) = 4281157
        brk(0xf6fe001) = 4281157
        brk(0xf6fe000) = 258990080
        brk(0x413010) = 4272144
        brk(0x413008) = 4272136
        brk(0x413010) = 4272144
        exit_group(0x0) = ?
        """, Files.readString(dir.resolve(trace)));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void readsWritesAndFailsLikeLinux(Target target) throws IOException {
    String trace = target.id() + "-io.strace";
    Run run = runWithInput(target, Map.of("ELFCONV_STRACE", trace), "input\n", "io");
    assertEquals(new Run(7, "hello\ninput\n", ""), run);
    assertEquals("""
        writev(0x1,0x410000,0x2) = 6
        read(0x0,0x410100,0x40) = 6
        write(0x1,0x410100,0x6) = 6
        write(0x1,0xfffffff0,0x4) = -14
        write(0x5,0x400100,0x1) = -9
        clone3(0x0,0x0) = -38
        syscall_999(0x1,0x2,0x3,0x4,0x5,0x6) = -38
        exit(0x7) = ?
        """, Files.readString(dir.resolve(trace)));
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void stopsWithAClearMessageWhenTheTraceCannotBeCreated(Target target) {
    assertEquals(new Run(125, "", "elfconv: cannot create the ELFCONV_STRACE file missing/trace (errno 2)\n"),
        run(target, Map.of("ELFCONV_STRACE", "missing/trace"), "hello"));
  }

  /** The initial stack as the program's "stack" scenario prints it; auxv in order, as (type, value) pairs. */
  record StackDump(long sp, long argc, Strings argv, Strings envp, List<Map.Entry<Long, Long>> auxv,
      Map<Long, String> auxvStrings) {
    /** Strings with their guest addresses, in order. */
    record Strings(List<Long> addresses, List<String> strings) {
      long end() {
        int last = strings.size() - 1;
        return addresses.get(last) + strings.get(last).getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }

    long aux(long type) {
      return auxv.stream().filter(entry -> entry.getKey() == type).findFirst().orElseThrow().getValue();
    }

    static StackDump parse(Run run) {
      assertEquals(0, run.status(), run.stderr());
      long sp = 0;
      long argc = 0;
      Strings argv = new Strings(new ArrayList<>(), new ArrayList<>());
      Strings envp = new Strings(new ArrayList<>(), new ArrayList<>());
      List<Map.Entry<Long, Long>> auxv = new ArrayList<>();
      Map<Long, String> auxvStrings = new HashMap<>();
      for (String line : run.stdout().split("\n")) {
        String[] field = line.split("[= ]", 4);
        switch (field[0]) {
          case "sp" -> sp = hex(field[1]);
          case "argc" -> argc = hex(field[1]);
          case "argv", "envp" -> {
            Strings strings = field[0].equals("argv") ? argv : envp;
            strings.addresses.add(hex(field[1]));
            strings.strings.add(line.split(" ", 3)[2]);
          }
          case "auxv" -> {
            auxv.add(Map.entry(hex(field[1]), hex(field[2])));
            if (field.length > 3) {
              auxvStrings.put(hex(field[1]), field[3]);
            }
          }
          default -> throw new AssertionError("unexpected line in the stack dump: " + line);
        }
      }
      assertTrue(sp % 16 == 0, "sp must be 16-byte aligned: " + Long.toHexString(sp));
      return new StackDump(sp, argc, argv, envp, auxv, auxvStrings);
    }

    private static long hex(String text) {
      return Long.parseUnsignedLong(text.substring(2), 16);
    }
  }

  static Run run(Target target, Map<String, String> env, String... args) {
    return runWithInput(target, env, "", args);
  }

  /** Runs the program in {@code dir} with exactly the environment {@code env}. */
  static Run runWithInput(Target target, Map<String, String> env, String stdin, String... args) {
    List<String> command = new ArrayList<>(launchers.get(target));
    command.addAll(List.of(args));
    try {
      Path in = Files.createTempFile(dir, "stdin", ".txt");
      Path out = Files.createTempFile(dir, "stdout", ".txt");
      Path err = Files.createTempFile(dir, "stderr", ".txt");
      Files.writeString(in, stdin);
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Compiles the program, links it with the runtime bitcode and links the object, as the lifter's driver does. */
  static Path link(Target target, Path source) throws IOException {
    Toolchain tools = Toolchain.get();
    String id = target.id();
    Path program = dir.resolve(id + "-program.bc");
    Path runtime = dir.resolve(id + "-runtime.bc");
    Path linked = dir.resolve(id + "-linked.bc");
    Path object = dir.resolve(id + "-linked.o");
    Path output = dir.resolve(target == Target.WASM32 ? "program.wasm" : "program");
    Files.write(runtime, RuntimeBitcode.load(id));
    List<String> compile = new ArrayList<>(target.clangTargetArguments());
    compile.addAll(List.of("-std=c17", "-O2", "-nostdlibinc", "-Wall", "-Wextra", "-Werror",
        "-I", GuestLayoutTest.C_SOURCES.toString(), "-emit-llvm", "-c", source.toString(), "-o", program.toString()));
    tools.run(Toolchain.Tool.CLANG, compile, null);
    tools.run(Toolchain.Tool.LLVM_LINK, List.of(program.toString(), runtime.toString(), "-o", linked.toString()), null);
    List<String> codegen = new ArrayList<>(target.clangTargetArguments());
    codegen.addAll(List.of("-O2", "-c", linked.toString(), "-o", object.toString()));
    tools.run(Toolchain.Tool.CLANG, codegen, null);
    tools.run(target.linker(), target.linkArguments(List.of(object), output, WINDOW_SIZE), null);
    return output;
  }

  private static Path copyResource(String name) throws IOException {
    try (InputStream in = RuntimeProgramTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource elfconv/runtime/" + name + " is missing");
      }
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  /** Node runs the wasm32 programs; without it the wasm32 half of the runtime is untested, so that is a failure. */
  private static String node() {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path node = Path.of(folder, "node");
      if (Files.isExecutable(node)) {
        return node.toString();
      }
    }
    throw new IllegalStateException("node (v20 or newer) is not on the PATH; it runs the wasm32 tests");
  }

  /** Real and effective uid and gid of this process, which the x86_64 program inherits. */
  private static long[] hostIds() throws IOException {
    long[] ids = new long[4];
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      String[] field = line.split("\\s+");
      if (field[0].equals("Uid:") || field[0].equals("Gid:")) {
        int at = field[0].equals("Uid:") ? 0 : 2;
        ids[at] = Long.parseLong(field[1]);
        ids[at + 1] = Long.parseLong(field[2]);
      }
    }
    return ids;
  }
}
