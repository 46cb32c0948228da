package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import elfconv.runtime.GuestLayout;

/**
 * MRS and MSR of the system registers user code reads and writes: NZCV and TPIDR_EL0, FPCR and FPSR in the guest
 * state; the identification registers with the values QEMU reports for a cortex-a72 (MIDR_EL1 as Linux emulates
 * it); and the virtual counter at 62.5 MHz. The read-only registers have no MSR line.
 */
final class SystemRegister {
  /**
   * The bits of FPCR and FPSR that take a write; the others read as zero, as on a cortex-a72 under QEMU (no FP16,
   * no FP exception traps).
   */
  private static final long FPCR_WRITABLE = 0x07f70000L;
  private static final long FPSR_WRITABLE = 0xf800009fL;

  private SystemRegister() {}

  static void MRS_NZCV(Args.System a, Emitter e) {
    e.setReg(a.rt(), e.packedFlags());
  }

  static void MSR_NZCV(Args.System a, Emitter e) {
    e.setPackedFlags(e.reg(a.rt(), true));
  }

  static void MRS_FPCR(Args.System a, Emitter e) {
    read(a, e, GuestLayout.FPCR);
  }

  static void MSR_FPCR(Args.System a, Emitter e) {
    write(a, e, GuestLayout.FPCR, FPCR_WRITABLE);
  }

  static void MRS_FPSR(Args.System a, Emitter e) {
    read(a, e, GuestLayout.FPSR);
  }

  static void MSR_FPSR(Args.System a, Emitter e) {
    write(a, e, GuestLayout.FPSR, FPSR_WRITABLE);
  }

  static void MRS_TPIDR_EL0(Args.System a, Emitter e) {
    read(a, e, GuestLayout.TPIDR_EL0);
  }

  static void MSR_TPIDR_EL0(Args.System a, Emitter e) {
    write(a, e, GuestLayout.TPIDR_EL0, -1);
  }

  static void MRS_TPIDRRO_EL0(Args.System a, Emitter e) {
    constant(a, e, 0);
  }

  static void MRS_MIDR_EL1(Args.System a, Emitter e) {
    constant(a, e, 0x410fd083L);
  }

  static void MRS_CTR_EL0(Args.System a, Emitter e) {
    constant(a, e, 0x8444c004L);
  }

  /** Blocks of 2^4 words for DC ZVA. */
  static void MRS_DCZID_EL0(Args.System a, Emitter e) {
    constant(a, e, 4);
  }

  static void MRS_CNTFRQ_EL0(Args.System a, Emitter e) {
    constant(a, e, 62_500_000L);
  }

  static void MRS_CNTVCT_EL0(Args.System a, Emitter e) {
    e.setReg(a.rt(), e.counter());
  }

  private static void read(Args.System a, Emitter e, long offset) {
    e.setReg(a.rt(), e.stateRegister(offset));
  }

  private static void write(Args.System a, Emitter e, long offset, long writable) {
    e.setStateRegister(offset, e.ir.and(e.reg(a.rt(), true), e.ir.c(64, writable)));
  }

  private static void constant(Args.System a, Emitter e, long value) {
    e.setReg(a.rt(), e.ir.c(64, value));
  }
}
