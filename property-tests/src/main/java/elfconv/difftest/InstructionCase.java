package elfconv.difftest;

import java.util.Arrays;
import java.util.Map;

/**
 * One differential test case: an initial register file and scratch memory, and the instruction words to run.
 *
 * @param x initial X0..X30
 * @param pointers registers (31 for SP) that instead hold the address of this case's scratch block plus an offset:
 *     bases for memory operands, which only then stay inside memory both QEMU and the translations map
 * @param nzcv initial N, Z, C, V in bits 3..0
 * @param fpcr initial FPCR (FPSR starts clear)
 * @param scratchSeed seed of the pseudo-random initial scratch block and V registers ({@link #scratch()},
 *     {@link #vectors()})
 * @param words the instruction sequence; branches in it may only go forward, at most to just past its end
 */
public record InstructionCase(long[] x, Map<Integer, Integer> pointers, int nzcv, long fpcr, long scratchSeed,
    int[] words) {
  public InstructionCase {
    if (x.length != 31) {
      throw new IllegalArgumentException("31 registers, not " + x.length);
    }
    pointers = Map.copyOf(pointers);
  }

  /** The initial scratch block: {@link CaseLayout#SCRATCH_SIZE} bytes from {@code scratchSeed}. */
  public byte[] scratch() {
    byte[] bytes = new byte[CaseLayout.SCRATCH_SIZE];
    new java.util.SplittableRandom(scratchSeed).nextBytes(bytes);
    return bytes;
  }

  private static final byte[] EDGE_BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};

  /**
   * The initial V0..V31, 16 bytes each, also from {@code scratchSeed}. Each register is random bytes, bytes at the
   * signed and unsigned limits (saturation, sign), small numbers, or a near copy of the register before it (equal
   * lanes for the compares).
   */
  public byte[] vectors() {
    byte[] bytes = new byte[32 * 16];
    java.util.SplittableRandom random = new java.util.SplittableRandom(~scratchSeed);
    random.nextBytes(bytes);
    for (int r = 0; r < 32; r++) {
      int style = random.nextInt(6);
      for (int b = r * 16; b < r * 16 + 16; b++) {
        switch (style) {
          case 1 -> bytes[b] = EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
          case 2 -> bytes[b] = (byte) random.nextInt(-4, 16);
          case 3 -> bytes[b] = r > 0 && random.nextInt(4) != 0 ? bytes[b - 16] : bytes[b];
          default -> { }
        }
      }
    }
    return bytes;
  }

  /** The same state with other instruction words (for shrinking). */
  public InstructionCase withWords(int[] newWords) {
    return new InstructionCase(x, pointers, nzcv, fpcr, scratchSeed, newWords);
  }

  @Override
  public String toString() {
    return "InstructionCase" + Arrays.toString(Arrays.stream(words).mapToObj(w -> String.format("%08x", w)).toArray());
  }
}
