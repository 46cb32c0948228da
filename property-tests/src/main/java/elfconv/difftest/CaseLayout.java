package elfconv.difftest;

/**
 * What a test ELF writes to stdout once all its cases ran: a register dump per case, then every case's scratch
 * block, all little-endian.
 */
public final class CaseLayout {
  private CaseLayout() {}

  /** Bytes of scratch memory per case; pointer registers start in its middle. */
  public static final int SCRATCH_SIZE = 4096;
  /** X0..X30, SP, NZCV (as MRS NZCV reads it), FPCR, FPSR. */
  public static final int DUMP_WORDS = 35;
  /** Then V0..V31, 16 bytes each, 16-byte aligned. */
  public static final int VECTORS = 288;
  public static final int DUMP_SIZE = VECTORS + 32 * 16;
  public static final int SP_INDEX = 31;
  public static final int NZCV_INDEX = 32;
  public static final int FPCR_INDEX = 33;
  public static final int FPSR_INDEX = 34;
  /** The FPCR bits a cortex-a72 keeps (no FP16, no FP exception traps). */
  public static final long FPCR_BITS = 0x07f70000L;
  /** FPCR.AHP, DN, FZ and RMode: the bits that change FP results. */
  public static final long FPCR_RESULT_BITS = 0x07c00000L;

  public static String registerName(int index) {
    return switch (index) {
      case SP_INDEX -> "sp";
      case NZCV_INDEX -> "nzcv";
      case FPCR_INDEX -> "fpcr";
      case FPSR_INDEX -> "fpsr";
      default -> "x" + index;
    };
  }
}
