package elfconv.difftest;

/**
 * What a test ELF writes to stdout once all its cases ran: a register dump per case, then every case's scratch
 * block, all little-endian.
 */
public final class CaseLayout {
  private CaseLayout() {}

  /** Bytes of scratch memory per case; pointer registers start in its middle. */
  public static final int SCRATCH_SIZE = 4096;
  /** X0..X30, SP, NZCV (as MRS NZCV reads it). */
  public static final int DUMP_WORDS = 33;
  public static final int DUMP_SIZE = DUMP_WORDS * 8;
  public static final int SP_INDEX = 31;
  public static final int NZCV_INDEX = 32;

  public static String registerName(int index) {
    return index == SP_INDEX ? "sp" : index == NZCV_INDEX ? "nzcv" : "x" + index;
  }
}
