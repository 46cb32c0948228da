package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** UZP1/2, TRN1/2, ZIP1/2 and EXT: lanes of two vectors rearranged, each a fixed shuffle. */
final class SimdPermute implements Family {
  private static boolean ext(Insn i) {
    return i.pattern().name().equals("SIMD_EXT");
  }

  @Override
  public String unallocated(Insn i) {
    if (ext(i)) {
      return i.f("Q") == 0 && i.f("imm4") >= 8 ? "EXT of 8 bytes starts below 8" : null;
    }
    int op = i.f("opc");
    if ((op & 3) == 0) {
      return "unallocated";
    }
    return i.f("size") == 3 && i.f("Q") == 0 ? "one 64-bit lane is not a vector" : null;
  }

  @Override
  public String disassemble(Insn i) {
    int q = i.f("Q");
    if (ext(i)) {
      return Asm.join("ext", Simd.arrangement(i.f("rd"), q, 0), Simd.arrangement(i.f("rn"), q, 0),
          Simd.arrangement(i.f("rm"), q, 0), "#" + i.f("imm4"));
    }
    int op = i.f("opc");
    String name = new String[] {"", "uzp", "trn", "zip"}[op & 3] + (op >> 2 == 0 ? "1" : "2");
    int size = i.f("size");
    return Asm.join(name, Simd.arrangement(i.f("rd"), q, size), Simd.arrangement(i.f("rn"), q, size),
        Simd.arrangement(i.f("rm"), q, size));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int q = i.f("Q");
    int size = ext(i) ? 0 : i.f("size");
    LLVMValueRef a = Simd.arranged(e, i.f("rn"), q, size);
    LLVMValueRef b = Simd.arranged(e, i.f("rm"), q, size);
    int lanes = Simd.lanes(q, size);
    int[] mask = new int[lanes];
    int op = ext(i) ? 0 : i.f("opc");
    int part = op >> 2; // 0: the "1" forms, 1: the "2" forms
    for (int k = 0; k < lanes; k++) {
      mask[k] = switch (ext(i) ? 0 : op & 3) {
        case 0 -> i.f("imm4") + k;                              // EXT: bytes of a:b from imm4
        case 1 -> 2 * k + part;                                 // UZP: even or odd lanes of a then b
        case 2 -> (k & ~1) + part + (k % 2 == 1 ? lanes : 0);   // TRN: even (odd) lanes of a and b interleaved
        default -> part * lanes / 2 + k / 2 + (k % 2 == 1 ? lanes : 0); // ZIP: low (high) halves interleaved
      };
    }
    Simd.write(e, i.f("rd"), ir.shuffle(a, b, mask));
  }
}
