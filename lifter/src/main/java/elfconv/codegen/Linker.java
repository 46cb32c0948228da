package elfconv.codegen;

import elfconv.toolchain.Target;
import elfconv.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.List;

/** Links the object files into the final output with the bundled ld.lld or wasm-ld. */
public final class Linker {
  private Linker() {}

  public static void link(Target target, List<Path> objects, Path output, long windowSize) {
    Toolchain.get().run(target.linker(), target.linkArguments(objects, output, windowSize), null);
  }
}
