package elfconv.codegen;

import elfconv.elf.ElfFormatException;
import elfconv.runtime.RuntimeBitcode;
import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Translations kept under {@code ~/.cache/elfconv/translations}, keyed by what decides their bytes: the ELF, the
 * translator's classes (their contents, not the jar's timestamps), the target's runtime bitcode and the options.
 * A program verified or run again, or another case of the same ELF (busybox), starts at once.
 */
public final class TranslationCache {
  private static final String SELF_DIGEST = digestOfTranslator();

  private TranslationCache() {}

  /** The translation of {@code elf} with {@code options}: from the cache, or compiled into it first. */
  public static Path translate(Path elf, Compiler.Options options) {
    Path cached = entry(elf, options);
    if (!Files.exists(cached)) {
      keepWarnings(cached, Compiler.compile(elf, cached, options));
    }
    return cached;
  }

  /** The warnings of the translation of {@code elf} with {@code options} (kept beside it in the cache). */
  public static List<String> warnings(Path elf, Compiler.Options options) {
    Path file = warningsFile(entry(elf, options));
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void keepWarnings(Path cached, Compiler.Result result) {
    if (!result.warnings().isEmpty()) {
      try {
        Files.write(warningsFile(cached), result.warnings());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + warningsFile(cached) + ": " + e.getMessage(), e);
      }
    }
  }

  private static Path warningsFile(Path cached) {
    return cached.resolveSibling(cached.getFileName() + ".warnings");
  }

  /**
   * Writes the translation of {@code elf} to {@code output}, from the cache or compiled into it first (telling
   * {@code progress} its steps); the compiler's result, or empty when the cache had it.
   */
  public static Optional<Compiler.Result> translateTo(Path elf, Path output, Compiler.Options options,
      Consumer<String> progress) {
    Path cached = entry(elf, options);
    Optional<Compiler.Result> result = Optional.empty();
    if (!Files.exists(cached)) {
      result = Optional.of(Compiler.compile(elf, cached, options, progress));
      keepWarnings(cached, result.get());
    }
    copy(cached, output);
    return result;
  }

  /** Copies the translation to {@code output} (a program of its own, beside which its run may write). */
  public static void translateTo(Path elf, Path output, Compiler.Options options) {
    copy(translate(elf, options), output);
  }

  private static void copy(Path cached, Path output) {
    try {
      Files.copy(cached, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  /** Where the translation of {@code elf} with {@code options} is kept. */
  private static Path entry(Path elf, Compiler.Options options) {
    try {
      MessageDigest sha = sha256();
      sha.update(Files.readAllBytes(elf));
      sha.update(SELF_DIGEST.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      sha.update(RuntimeBitcode.load(options.target().id()));
      sha.update(options.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String key = HexFormat.of().formatHex(sha.digest()).substring(0, 32);
      return Toolchain.cacheDir().resolve("translations").resolve(key + "." + options.target().id());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ElfFormatException(elf + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + elf + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The contents of every class and resource of the translator, from its jar or its class folder. */
  private static String digestOfTranslator() {
    MessageDigest sha = sha256();
    try {
      Path self = Path.of(Compiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self)) {
        try (JarFile jar = new JarFile(self.toFile())) {
          // META-INF holds build metadata, not translator behaviour.
          List<java.util.jar.JarEntry> entries = jar.stream()
              .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
              .sorted(java.util.Comparator.comparing(java.util.jar.JarEntry::getName)).toList();
          for (java.util.jar.JarEntry entry : entries) {
            sha.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(entry)) {
              sha.update(in.readAllBytes());
            }
          }
        }
      } else {
        try (Stream<Path> files = Files.walk(self)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            sha.update(self.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read elfconv's own classes to key its translation cache", e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
