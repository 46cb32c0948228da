package elfconv.codegen;

import elfconv.toolchain.Target;
import elfconv.toolchain.Toolchain;
import java.nio.file.Path;

/** Links the object file into the final output with the bundled ld.lld or wasm-ld. */
public final class Linker {
  private Linker() {}

  public static void link(Target target, Path object, Path output, long windowSize) {
    Toolchain.get().run(target.linker(), target.linkArguments(object, output, windowSize), null);
  }
}
