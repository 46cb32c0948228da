package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** FCSEL: Rn when the condition holds, else Rm, bits unchanged. */
final class FloatConditionalSelect {
  private FloatConditionalSelect() {}

  static void FCSEL(Args.FpSelect a, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    ops.write(a.rd(), e.ir.select(e.condition(a.cond()), ops.read(a.rn()), ops.read(a.rm())));
  }
}
