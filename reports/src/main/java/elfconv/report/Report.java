package elfconv.report;

import java.util.List;

/** Everything one `mvn verify` (or one `elfconv verify --report DIR`) checked. */
public record Report(String created, List<ProgramReport> programs) {}
