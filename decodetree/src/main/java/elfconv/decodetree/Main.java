package elfconv.decodetree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code Main OUTPUT_DIR TABLE_DIR}: reads every {@code *.decode} file of TABLE_DIR (in name order) and writes the
 * generated sources under OUTPUT_DIR, leaving files whose content is unchanged untouched and deleting the ones it no
 * longer generates. A table error is one line naming file and line, and exit status 1.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Main OUTPUT_DIR TABLE_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    List<Path> tables;
    try (Stream<Path> files = Files.list(Path.of(args[1]))) {
      tables = files.filter(p -> p.toString().endsWith(".decode")).sorted().toList();
    }
    DecodeTree tree = new DecodeTree();
    try {
      for (Path table : tables) {
        tree.parse(Files.readString(table, StandardCharsets.UTF_8), table.getFileName().toString());
      }
      tree.check();
    } catch (DecodeTableException e) {
      System.err.println("decode table: " + e.getMessage());
      System.exit(1);
    }
    Map<String, String> sources = new JavaGenerator(tree).sources();
    if (Files.isDirectory(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        for (Path stale : old.filter(Files::isRegularFile)
            .filter(p -> !sources.containsKey(out.relativize(p).toString().replace('\\', '/'))).toList()) {
          Files.delete(stale);
        }
      }
    }
    for (Map.Entry<String, String> file : sources.entrySet()) {
      Path path = out.resolve(file.getKey());
      if (Files.exists(path) && Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
        continue;
      }
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
