package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** FCSEL: Rn when the condition holds, else Rm, bits unchanged. */
final class FloatConditionalSelect implements Family {
  @Override
  public String unallocated(Insn i) {
    return i.f("type") > 1 ? "half-precision arithmetic needs FEAT_FP16" : null;
  }

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    return Asm.join("fcsel", f.register(i.f("rd")), f.register(i.f("rn")), f.register(i.f("rm")),
        Asm.cond(i.f("cond")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    ops.write(i.f("rd"), e.ir.select(e.condition(i.f("cond")), ops.read(i.f("rn")), ops.read(i.f("rm"))));
  }
}
