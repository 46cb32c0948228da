package elfconv.a64;

/** The Arm ARM's DecodeBitMasks: the immediates of the logical instructions. */
public final class Bitmasks {
  private Bitmasks() {}

  /** DecodeBitMasks(): {wmask, tmask}, or null for a reserved encoding. */
  public static long[] decode(int n, int imms, int immr, boolean immediate, int width) {
    int len = 31 - Integer.numberOfLeadingZeros((n << 6) | (~imms & 0x3f));
    if (len < 1) {
      return null;
    }
    int levels = (1 << len) - 1;
    if (immediate && (imms & levels) == levels) {
      return null;
    }
    int s = imms & levels;
    int r = immr & levels;
    int diff = (s - r) & levels;
    int esize = 1 << len;
    long welem = ones(s + 1);
    long telem = ones(diff + 1);
    welem = rotateRight(welem, r, esize);
    return new long[] {replicate(welem, esize, width), replicate(telem, esize, width)};
  }

  public static long ones(int count) {
    return count >= 64 ? -1L : (1L << count) - 1;
  }

  private static long rotateRight(long value, int amount, int size) {
    if (amount == 0) {
      return value;
    }
    long mask = ones(size);
    return ((value >>> amount) | (value << (size - amount))) & mask;
  }

  private static long replicate(long element, int esize, int width) {
    long result = 0;
    for (int i = 0; i < width; i += esize) {
      result |= element << i;
    }
    return width == 64 ? result : result & ones(width);
  }
}
