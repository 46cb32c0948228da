package elfconv.difftest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * FP operands that find the corner cases: signed zeros and infinities, quiet and signalling NaNs with payloads,
 * subnormals, the smallest and largest normals, values at and around the limits of 32- and 64-bit integer
 * conversion and of half precision, and ties at 0.5. The initial V registers are drawn from these about half the
 * time (else random bits), so scalar FP instructions meet them in every batch.
 */
final class FloatEdges {
  private FloatEdges() {}

  static final long[] DOUBLES = {0, 0x8000000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L,
      0x7ff8000000000000L, 0x7ff8000000000001L, 0xfff80000deadbeefL, 0x7ff0000000000001L, 0x7ff4000000000000L,
      0xfff0000000012345L, 0x0000000000000001L, 0x800fffffffffffffL, 0x0010000000000000L, 0x8010000000000000L,
      0x7fefffffffffffffL, 0xffefffffffffffffL, 0x3ff0000000000000L, 0xbff0000000000000L, 0x3fe0000000000000L,
      0xbfe0000000000000L, 0x3ff8000000000000L, 0xc004000000000000L, 0x3fdfffffffffffffL, 0x41dfffffffc00000L,
      0x41e0000000000000L, 0xc1e0000000000000L, 0xc1e0000000200000L, 0x41efffffffe00000L, 0x41f0000000000000L,
      0x43dfffffffffffffL, 0x43e0000000000000L, 0xc3e0000000000000L, 0x43efffffffffffffL, 0x43f0000000000000L,
      0x4330000000000000L, 0x432fffffffffffffL, 0x40effc0000000000L, 0x40effe0000000000L, 0x3f10000000000000L,
      0x3e70000000000000L, 0x3e60000000000000L, 0x3e68000000000000L, 0x36a0000000000000L, 0x380fffffe0000000L,
      0x47efffffe0000000L, 0x47effffff0000000L, 0x3ff0000000000001L, 0x4000000000000000L};
  static final int[] SINGLES = {0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc00001, 0xffc0beef,
      0x7f800001, 0x7fa00000, 0xff812345, 0x00000001, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,
      0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x3fc00000, 0xc0200000, 0x3effffff, 0x4effffff, 0x4f000000,
      0xcf000000, 0xcf000001, 0x4f7fffff, 0x4f800000, 0x5effffff, 0x5f000000, 0xdf000000, 0x5f7fffff, 0x5f800000,
      0x4b000000, 0x4affffff, 0x477fe000, 0x477ff000, 0x477fefff, 0x38800000, 0x33800000, 0x33000000, 0x33400000,
      0x387fe000, 0x3f800001, 0x40000000};
  static final short[] HALVES = {0, (short) 0x8000, 0x7c00, (short) 0xfc00, 0x7e00, 0x7e01, (short) 0xfe55,
      0x7c01, 0x7d00, 0x0001, (short) 0x83ff, 0x0400, 0x7bff, (short) 0xfbff, 0x3c00, (short) 0xbc00, 0x3800,
      0x3e00};

  /**
   * V0..V31 for a case: random bytes, with a format's edge value in the low bits of about half the registers; in a
   * third of the cases V0, V1, V2 then hold a hard fused multiply-add (see {@link #hardFusedOperands}).
   */
  static byte[] vectors(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] bytes = new byte[32 * 16];
    random.nextBytes(bytes);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int v = 0; v < 32; v++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> b.putLong(16 * v, DOUBLES[random.nextInt(DOUBLES.length)]);
        case 2, 3 -> b.putInt(16 * v, SINGLES[random.nextInt(SINGLES.length)]);
        case 4 -> b.putShort(16 * v, HALVES[random.nextInt(HALVES.length)]);
        default -> { }
      }
    }
    if (random.nextInt(3) == 0) {
      hardFusedOperands(random, b);
    }
    return bytes;
  }

  /**
   * V0 * V1 + V2 (as doubles, and as singles in a coin's other half) where one rounding matters: V2 cancels the
   * rounded product exactly or nearly, or adds a fraction of its last place (near a tie), with the product in the
   * normal, subnormal or overflowing range.
   */
  private static void hardFusedOperands(SplittableRandom random, ByteBuffer b) {
    boolean single = random.nextBoolean();
    int[] scales = single ? new int[] {0, -70, 64} : new int[] {0, -530, 512};
    int scale = scales[random.nextInt(scales.length)];
    double x = Math.scalb(1 + random.nextDouble(), scale);
    double y = Math.scalb(1 + random.nextDouble(), random.nextInt(-4, 5));
    if (single) {
      float fx = (float) x;
      float fy = (float) y;
      float product = fx * fy;
      float z = switch (random.nextInt(3)) {
        case 0 -> -product;
        case 1 -> -product + Math.ulp(product) * (random.nextInt(5) - 2);
        default -> Math.ulp(product) * (random.nextInt(9) - 4) / 8;
      };
      b.putInt(0, Float.floatToRawIntBits(fx)).putInt(16, Float.floatToRawIntBits(fy))
          .putInt(32, Float.floatToRawIntBits(z));
    } else {
      double product = x * y;
      double z = switch (random.nextInt(3)) {
        case 0 -> -product;
        case 1 -> -product + Math.ulp(product) * (random.nextInt(5) - 2);
        default -> Math.ulp(product) * (random.nextInt(9) - 4) / 8;
      };
      b.putLong(0, Double.doubleToRawLongBits(x)).putLong(16, Double.doubleToRawLongBits(y))
          .putLong(32, Double.doubleToRawLongBits(z));
    }
  }
}
