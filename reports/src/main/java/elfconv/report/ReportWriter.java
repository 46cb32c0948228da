package elfconv.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Writes a {@link Report} as {@code report.json} and a self-contained {@code index.html} into one folder. */
public final class ReportWriter {
  public static final String JSON_FILE = "report.json";
  public static final String HTML_FILE = "index.html";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  public static void write(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(JSON_FILE), JSON.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(HTML_FILE), HtmlReport.render(report), StandardCharsets.UTF_8);
  }

  public static Report read(Path dir) throws IOException {
    Path file = dir.resolve(JSON_FILE);
    try {
      return JSON.readValue(file.toFile(), Report.class);
    } catch (IOException e) {
      throw new IOException("cannot read the report " + file + ": " + e.getMessage()
          + " (delete it to start a new report)", e);
    }
  }

  /**
   * Adds programs to the report in {@code dir} (creating it if absent): an entry with the same name is replaced in
   * place, new ones are appended. Several Maven modules, possibly building in parallel, add to one report; a lock
   * file serialises them.
   *
   * @return the report as written
   */
  public static Report merge(Path dir, List<ProgramReport> programs) throws IOException {
    return update(dir, old -> {
      Map<String, ProgramReport> byName = new LinkedHashMap<>();
      old.programs().forEach(program -> byName.put(program.name(), program));
      programs.forEach(program -> byName.put(program.name(), program));
      return new Report(Instant.now().toString(), new ArrayList<>(byName.values()), old.coverage(), old.sweep());
    });
  }

  /** Replaces the decode-table coverage of the report in {@code dir}, keeping its programs. */
  public static Report mergeCoverage(Path dir, List<PatternCoverage> coverage) throws IOException {
    return update(dir, old -> new Report(Instant.now().toString(), old.programs(), coverage, old.sweep()));
  }

  /** Replaces the valid-set sweep of the report in {@code dir}, keeping the rest. */
  public static Report mergeSweep(Path dir, ValidSetSweep sweep) throws IOException {
    return update(dir, old -> new Report(Instant.now().toString(), old.programs(), old.coverage(), sweep));
  }

  private static synchronized Report update(Path dir, UnaryOperator<Report> change) throws IOException {
    Files.createDirectories(dir);
    try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      Report old = Files.exists(dir.resolve(JSON_FILE)) ? read(dir) : new Report("", List.of(), List.of(), null);
      Report updated = change.apply(old);
      write(updated, dir);
      return updated;
    }
  }
}
