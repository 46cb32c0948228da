package elfconv.difftest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The state one implementation left after a case: the register dump and the scratch block. */
public record CaseResult(long[] registers, byte[] scratch) {

  /** Splits a test ELF's stdout into per-case results; null when the output is not what the ELF writes. */
  public static List<CaseResult> parse(byte[] stdout, int cases) {
    int dumps = cases * CaseLayout.DUMP_SIZE;
    if (stdout.length != dumps + cases * CaseLayout.SCRATCH_SIZE) {
      return null;
    }
    ByteBuffer buf = ByteBuffer.wrap(stdout).order(ByteOrder.LITTLE_ENDIAN);
    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      long[] regs = new long[CaseLayout.DUMP_WORDS];
      for (int r = 0; r < regs.length; r++) {
        regs[r] = buf.getLong(i * CaseLayout.DUMP_SIZE + r * 8);
      }
      int scratchAt = dumps + i * CaseLayout.SCRATCH_SIZE;
      results.add(new CaseResult(regs, Arrays.copyOfRange(stdout, scratchAt, scratchAt + CaseLayout.SCRATCH_SIZE)));
    }
    return results;
  }

  /** One line per difference from {@code expected}: registers by name, scratch bytes by offset. */
  public List<String> differencesFrom(CaseResult expected) {
    List<String> differences = new ArrayList<>();
    for (int r = 0; r < CaseLayout.DUMP_WORDS; r++) {
      if (registers[r] != expected.registers[r]) {
        differences.add(String.format("%s = 0x%x, expected 0x%x", CaseLayout.registerName(r), registers[r],
            expected.registers[r]));
      }
    }
    int at = Arrays.mismatch(scratch, expected.scratch);
    if (at >= 0) {
      differences.add(String.format("scratch[%d] = 0x%02x, expected 0x%02x", at, scratch[at] & 0xff,
          expected.scratch[at] & 0xff));
    }
    return differences;
  }
}
