package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import elfconv.runtime.GuestLayout;
import java.util.Map;

/**
 * MRS and MSR of the system registers user code reads and writes: NZCV and TPIDR_EL0, FPCR and FPSR in the guest
 * state; the identification registers with the values QEMU reports for a cortex-a72 (MIDR_EL1 as Linux emulates
 * it); and the virtual counter at 62.5 MHz. Writing a read-only register is undefined.
 */
final class SystemRegister implements Family {
  private static final int NZCV = encode(3, 3, 4, 2, 0);
  /**
   * A register kept in the guest state at a GuestLayout offset; only the bits of {@code writable} take a write
   * (the others read as zero, as on a cortex-a72 under QEMU: no FP16, no FP exception traps).
   */
  private record StateRegister(String name, long offset, long writable) {}

  private static final Map<Integer, StateRegister> IN_STATE = Map.of(
      encode(3, 3, 13, 0, 2), new StateRegister("TPIDR_EL0", GuestLayout.TPIDR_EL0, -1),
      encode(3, 3, 4, 4, 0), new StateRegister("FPCR", GuestLayout.FPCR, 0x07f70000L),
      encode(3, 3, 4, 4, 1), new StateRegister("FPSR", GuestLayout.FPSR, 0xf800009fL));

  private static final int CNTVCT = encode(3, 3, 14, 0, 2);
  /** Read-only registers with fixed values: name and value. */
  private record Constant(String name, long value) {}

  private static final Map<Integer, Constant> CONSTANTS = Map.of(
      encode(3, 0, 0, 0, 0), new Constant("MIDR_EL1", 0x410fd083L),
      encode(3, 3, 0, 0, 1), new Constant("CTR_EL0", 0x8444c004L),
      encode(3, 3, 0, 0, 7), new Constant("DCZID_EL0", 4),
      encode(3, 3, 14, 0, 0), new Constant("CNTFRQ_EL0", 62_500_000L),
      encode(3, 3, 13, 0, 3), new Constant("TPIDRRO_EL0", 0));

  private static int encode(int op0, int op1, int crn, int crm, int op2) {
    return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
  }

  private static int encoding(Insn i) {
    return encode(2 + i.f("o0"), i.f("op1"), i.f("crn"), i.f("crm"), i.f("op2"));
  }

  @Override
  public String unallocated(Insn i) {
    int enc = encoding(i);
    if (enc == NZCV || IN_STATE.containsKey(enc)) {
      return null;
    }
    if (enc == CNTVCT || CONSTANTS.containsKey(enc)) {
      return i.f("L") == 1 ? null : "write to a read-only system register";
    }
    return "system register not available to user code";
  }

  @Override
  public String disassemble(Insn i) {
    int enc = encoding(i);
    String name = enc == NZCV ? "NZCV" : enc == CNTVCT ? "CNTVCT_EL0"
        : CONSTANTS.containsKey(enc) ? CONSTANTS.get(enc).name() : IN_STATE.get(enc).name();
    String rt = Asm.r(i.f("rt"), true);
    return i.f("L") == 1 ? Asm.join("mrs", rt, name) : Asm.join("msr", name, rt);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    int enc = encoding(i);
    boolean read = i.f("L") == 1;
    if (enc == NZCV) {
      if (read) {
        e.setReg(i.f("rt"), e.packedFlags());
      } else {
        e.setPackedFlags(e.reg(i.f("rt"), true));
      }
      return;
    }
    if (enc == CNTVCT) {
      e.setReg(i.f("rt"), e.counter());
      return;
    }
    if (CONSTANTS.containsKey(enc)) {
      e.setReg(i.f("rt"), e.ir.c(64, CONSTANTS.get(enc).value()));
      return;
    }
    StateRegister register = IN_STATE.get(enc);
    if (read) {
      e.setReg(i.f("rt"), e.stateRegister(register.offset()));
    } else {
      e.setStateRegister(register.offset(), e.ir.and(e.reg(i.f("rt"), true), e.ir.c(64, register.writable())));
    }
  }
}
