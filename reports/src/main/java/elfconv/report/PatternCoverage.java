package elfconv.report;

/**
 * How one decode-table pattern was tested in a build.
 *
 * @param status "lifted" and how it is tested
 * @param cases random differential cases that contained an instruction of the pattern, per target
 * @param failures those of them on which a translation differed from QEMU
 */
public record PatternCoverage(String pattern, String family, String status, int cases, int failures) {}
