package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import elfconv.runtime.GuestLayout;
import java.util.Map;

/** MRS and MSR of the system registers user code reads and writes. */
final class SystemRegister implements Family {
  private static final int NZCV = encode(3, 3, 4, 2, 0);
  /** A register kept in the guest state at a GuestLayout offset. */
  private record StateRegister(String name, long offset) {}

  private static final Map<Integer, StateRegister> IN_STATE = Map.of(
      encode(3, 3, 13, 0, 2), new StateRegister("TPIDR_EL0", GuestLayout.TPIDR_EL0),
      encode(3, 3, 4, 4, 0), new StateRegister("FPCR", GuestLayout.FPCR),
      encode(3, 3, 4, 4, 1), new StateRegister("FPSR", GuestLayout.FPSR));

  private static int encode(int op0, int op1, int crn, int crm, int op2) {
    return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
  }

  private static int encoding(Insn i) {
    return encode(2 + i.f("o0"), i.f("op1"), i.f("crn"), i.f("crm"), i.f("op2"));
  }

  @Override
  public String unallocated(Insn i) {
    int enc = encoding(i);
    return enc == NZCV || IN_STATE.containsKey(enc) ? null : "system register not available to translated code";
  }

  @Override
  public String disassemble(Insn i) {
    int enc = encoding(i);
    String name = enc == NZCV ? "NZCV" : IN_STATE.get(enc).name();
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
    long offset = IN_STATE.get(enc).offset();
    if (read) {
      e.setReg(i.f("rt"), e.stateRegister(offset));
    } else {
      e.setStateRegister(offset, e.reg(i.f("rt"), true));
    }
  }
}
