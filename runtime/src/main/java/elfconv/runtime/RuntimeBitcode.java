package elfconv.runtime;

import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The runtime compiled to LLVM bitcode, one module per target, packaged as classpath resources. */
public final class RuntimeBitcode {
  private RuntimeBitcode() {}

  /** The runtime module for {@code target} ({@code x86_64} or {@code wasm32}). */
  public static byte[] load(String target) {
    return load(Target.of(target));
  }

  public static byte[] load(Target target) {
    String resource = resourceName(target);
    try (InputStream in = RuntimeBitcode.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("runtime bitcode " + resource + " is not on the classpath: build the runtime"
            + " module first (mvn -pl runtime install)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read runtime bitcode " + resource, e);
    }
  }

  /** The classpath resource holding the runtime for {@code target}. */
  public static String resourceName(Target target) {
    return "/elfconv/runtime/" + fileName(target);
  }

  static String fileName(Target target) {
    return "runtime-" + target.id() + ".bc";
  }
}
