package elfconv.codegen;

import elfconv.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.List;

/** Links the object file into the final output with the bundled ld.lld or wasm-ld. */
public final class Linker {
  private Linker() {}

  public static void link(Target target, Path object, Path output, long windowSize) {
    Toolchain tools = Toolchain.get();
    if (target == Target.X86_64) {
      tools.run(Toolchain.Tool.LD_LLD, List.of("-static", "-e", "_start", "--gc-sections", "-o",
          output.toString(), object.toString()), null);
    } else {
      // The guest window is linear memory [0, window); the runtime's data and stack live above it.
      tools.run(Toolchain.Tool.WASM_LD, List.of("--global-base=" + windowSize, "-z", "stack-size=1048576",
          "--gc-sections", "-o", output.toString(), object.toString()), null);
    }
  }
}
