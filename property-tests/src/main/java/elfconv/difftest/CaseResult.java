package elfconv.difftest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The state one implementation left after a case: the register dump, V0..V31 and the scratch block. */
public record CaseResult(long[] registers, byte[] vectors, byte[] scratch) {

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
      int vectorsAt = i * CaseLayout.DUMP_SIZE + CaseLayout.VECTORS;
      int scratchAt = dumps + i * CaseLayout.SCRATCH_SIZE;
      results.add(new CaseResult(regs, Arrays.copyOfRange(stdout, vectorsAt, vectorsAt + 32 * 16),
          Arrays.copyOfRange(stdout, scratchAt, scratchAt + CaseLayout.SCRATCH_SIZE)));
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
    for (int v = 0; v < 32; v++) {
      if (!Arrays.equals(vectors, 16 * v, 16 * v + 16, expected.vectors, 16 * v, 16 * v + 16)) {
        differences.add(String.format("v%d = %s, expected %s", v, hex128(vectors, v), hex128(expected.vectors, v)));
      }
    }
    int at = Arrays.mismatch(scratch, expected.scratch);
    if (at >= 0) {
      differences.add(String.format("scratch[%d] = 0x%02x, expected 0x%02x", at, scratch[at] & 0xff,
          expected.scratch[at] & 0xff));
    }
    return differences;
  }

  /** Vn as a 128-bit hex number (the bytes are little-endian). */
  private static String hex128(byte[] vectors, int n) {
    StringBuilder s = new StringBuilder("0x");
    for (int b = 15; b >= 0; b--) {
      s.append(String.format("%02x", vectors[16 * n + b] & 0xff));
    }
    return s.toString();
  }
}
