package elfconv.runtime;

import elfconv.toolchain.Target;
import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Java mirror of elfconv.h agrees with the header, checked by the compiler for each target. */
class GuestLayoutTest {
  static final Path C_SOURCES = Path.of("src/main/c").toAbsolutePath();

  @ParameterizedTest
  @EnumSource(Target.class)
  void javaConstantsMatchTheHeader(Target target, @TempDir Path dir) throws IOException {
    Path check = dir.resolve("layout-check.c");
    Files.writeString(check, staticAssertions());
    List<String> args = new ArrayList<>(target.clangTargetArguments());
    args.addAll(List.of("-std=c17", "-nostdlibinc", "-fsyntax-only", "-I", C_SOURCES.toString(), check.toString()));
    Toolchain.get().run(Toolchain.Tool.CLANG, args, null); // a failed assertion fails the run with clang's message
  }

  static String staticAssertions() {
    StringBuilder c = new StringBuilder("#include \"elfconv.h\"\n");
    offset(c, "x[0]", GuestLayout.X0);
    offset(c, "x[30]", GuestLayout.x(30));
    offset(c, "sp", GuestLayout.SP);
    offset(c, "pc", GuestLayout.PC);
    offset(c, "nzcv", GuestLayout.NZCV);
    offset(c, "tpidr_el0", GuestLayout.TPIDR_EL0);
    offset(c, "fpcr", GuestLayout.FPCR);
    offset(c, "fpsr", GuestLayout.FPSR);
    offset(c, "exclusive_address", GuestLayout.EXCLUSIVE_ADDRESS);
    offset(c, "exclusive_value", GuestLayout.EXCLUSIVE_VALUE);
    offset(c, "v[0]", GuestLayout.V0);
    offset(c, "v[31]", GuestLayout.v(31));
    check(c, "sizeof(GuestState) == " + GuestLayout.STATE_SIZE);
    check(c, "_Alignof(GuestState) == " + GuestLayout.STATE_ALIGNMENT);
    check(c, "sizeof(ElfconvSegment) == " + GuestLayout.SEGMENT_SIZE);
    check(c, "ELFCONV_X86_64_GUEST_BASE == " + GuestLayout.X86_64_GUEST_BASE + "ull");
    check(c, "ELFCONV_X86_64_GUARD == " + GuestLayout.X86_64_GUARD + "ull");
    for (long address : new long[] {0x400000, 0x4097f0, 0xfffffffcL, 0xfedcba9876543210L}) {
      check(c, "ELFCONV_FUNCTION_SLOT(" + address + "ull, 8191u) == " + GuestLayout.functionSlot(address, 8191));
    }
    check(c, "ELFCONV_STACK_SIZE == " + GuestLayout.STACK_SIZE);
    check(c, "ELFCONV_EXIT_UNTRANSLATED == " + GuestLayout.EXIT_UNTRANSLATED);
    check(c, "ELFCONV_EXIT_FATAL == " + GuestLayout.EXIT_FATAL);
    // Every symbol name must be declared by the header: taking its address does not compile otherwise.
    List<String> symbols = new ArrayList<>(GuestLayout.RUNTIME_SYMBOLS);
    symbols.addAll(GuestLayout.LIFTER_SYMBOLS);
    for (String symbol : symbols) {
      c.append("static const void *const check_").append(symbol).append(" __attribute__((unused)) = &")
          .append(symbol).append(";\n");
    }
    return c.toString();
  }

  private static void offset(StringBuilder c, String field, int expected) {
    check(c, "offsetof(GuestState, " + field + ") == " + expected);
  }

  private static void check(StringBuilder c, String condition) {
    c.append("_Static_assert(").append(condition).append(", \"GuestLayout: ").append(condition).append("\");\n");
  }
}
