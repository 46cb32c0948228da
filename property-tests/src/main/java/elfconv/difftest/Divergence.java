package elfconv.difftest;

import java.util.List;

/**
 * A case on which a translation did not do what QEMU did.
 *
 * @param differences what differed (registers by name, scratch offsets), or how the run failed as a whole
 */
public record Divergence(String target, int caseIndex, InstructionCase testCase, List<String> differences) {}
