package elfconv.a64;

/**
 * What an instruction does to addresses and the stack, as the analyses read it: with {@link Flow} (control flow) and
 * the registers the lifting scan records as read and written, the one description of an instruction's effects on the
 * program. Each is derived from the decoded fields, so no analysis reads an instruction word itself.
 */
public final class Effects {
  private static final int SP = 31;

  private Effects() {}

  /** A constant put in {@code rd}: ADR's address, or ADRP's 4 KiB page. */
  public record Address(int rd, long value) {}

  /** {@code Xd = Xn + delta} (ADD or SUB immediate, 64-bit, flags untouched; MOV to or from SP is one). */
  public record Increment(int rd, int rn, long delta) {}

  /**
   * A load or store at a constant offset from a base register (LDR/STR immediate, LDP/STP, of general or SIMD&FP
   * registers).
   *
   * @param vector whether the registers are SIMD&FP registers
   * @param bytes the size of each register's access
   * @param rt2 the pair's second register, -1 for a single register
   * @param offset where the access is, from the base before any writeback (0 for post-index)
   * @param writeback what the instruction adds to the base afterwards (0 for none)
   */
  public record Transfer(boolean load, boolean vector, int bytes, int base, int rt, int rt2, long offset,
      long writeback) {
    /** Whether {@code r} is one of the registers transferred. */
    public boolean transfers(int r) {
      return rt == r || rt2 == r;
    }
  }

  /** ADR's address or ADRP's page; null for any other instruction. */
  public static Address address(Insn i) {
    if ((i.op() == Op.ADR || i.op() == Op.ADRP) && i.args() instanceof Args.PcRel a) {
      long immediate = ((long) a.immhi() << 2 | a.immlo()) << 43 >> 43;
      return i.op() == Op.ADR ? new Address(a.rd(), i.address() + immediate)
          : new Address(a.rd(), (i.address() & ~0xfffL) + (immediate << 12));
    }
    return null;
  }

  /** The constant 64-bit increment {@code i} performs; null for any other instruction. */
  public static Increment increment(Insn i) {
    if ((i.op() == Op.ADD_i || i.op() == Op.SUB_i) && i.args() instanceof Args.AddSubImm a && a.sf() == 1) {
      long immediate = (long) a.imm12() << (12 * a.sh());
      return new Increment(a.rd(), a.rn(), i.op() == Op.ADD_i ? immediate : -immediate);
    }
    return null;
  }

  /** The load or store {@code i} performs at a constant offset from a register; null for any other instruction. */
  public static Transfer transfer(Insn i) {
    Op op = i.op();
    boolean load = op == Op.LDR_i || op == Op.LDP || op == Op.LDR_v_i || op == Op.LDP_v;
    boolean store = op == Op.STR_i || op == Op.STP || op == Op.STR_v_i || op == Op.STP_v;
    if (!load && !store) {
      return null;
    }
    boolean vector = op == Op.LDR_v_i || op == Op.STR_v_i || op == Op.LDP_v || op == Op.STP_v;
    if (i.args() instanceof Args.LdstImm a) {
      long offset = (long) a.imm() << (a.scaled() == 1 ? a.sz() : 0);
      return new Transfer(load, vector, 1 << a.sz(), a.rn(), a.rt(), -1, a.p() == 1 ? 0 : offset,
          a.w() == 1 ? offset : 0);
    }
    if (i.args() instanceof Args.LdstPair a) {
      long offset = (long) a.imm() << a.sz();
      return new Transfer(load, vector, 1 << a.sz(), a.rn(), a.rt(), a.rt2(), a.p() == 1 ? 0 : offset,
          a.w() == 1 ? offset : 0);
    }
    return null;
  }

  /** The SP-based transfer {@code i} performs; null for any other instruction. */
  public static Transfer stackTransfer(Insn i) {
    Transfer t = transfer(i);
    return t != null && t.base() == SP ? t : null;
  }
}
