package elfconv.plugin;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** What every elfconv goal shares: where the bundled LLVM tools are extracted. */
abstract class ElfconvMojo extends AbstractMojo {
  /** Cache folder for the extracted LLVM tools (about 500 MB, once); default ~/.cache/elfconv. */
  @Parameter(property = "elfconv.cache")
  private File cache;

  /** The toolchain reads its cache folder from this system property. */
  void useConfiguredCache() {
    if (cache != null) {
      System.setProperty("elfconv.cache", cache.getAbsolutePath());
    }
  }
}
