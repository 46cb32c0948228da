package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;

/** The Advanced SIMD scalar pairwise operations: the two lanes of Vn combined into Dd. */
final class SimdScalarPairwise {
  private SimdScalarPairwise() {}

  /** ADDP Dd, Vn.2D: the sum of the two 64-bit lanes. */
  static void ADDP_s(Args.Pair a, Emitter e) {
    IrBuilder ir = e.ir;
    var v = Simd.read(e, a.rn(), 64, 2);
    Simd.write(e, a.rd(), ir.add(Simd.half(ir, v, false), Simd.half(ir, v, true)));
  }
}
