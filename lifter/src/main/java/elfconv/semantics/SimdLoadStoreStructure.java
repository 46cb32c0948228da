package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * LD1-LD4 and ST1-ST4: whole registers (multiple structures), one lane (single structure) or one element
 * replicated (LD1R-LD4R), without offset or post-indexed by the transfer size or a register. The n registers of
 * an LDn/STn structure are interleaved in memory; LD1/ST1 of several registers are contiguous. Every form is one
 * memory access of the whole block plus a shuffle.
 */
final class SimdLoadStoreStructure implements Family {
  /** Registers and structure elements of the multiple-structure opcodes (0 where unallocated). */
  private static final int[] MULTIPLE_REGISTERS = {4, 0, 4, 0, 3, 0, 3, 1, 2, 0, 2, 0, 0, 0, 0, 0};
  private static final int[] MULTIPLE_ELEMENTS = {4, 0, 1, 0, 3, 0, 1, 1, 2, 0, 1, 0, 0, 0, 0, 0};

  private static boolean multiple(Insn i) {
    return i.pattern().name().startsWith("SIMD_LDST_MULTIPLE");
  }

  private static boolean postIndexed(Insn i) {
    return i.pattern().name().endsWith("_POST");
  }

  private static boolean load(Insn i) {
    return i.f("L") == 1;
  }

  /** Elements per structure (the n of LDn), and how many registers take part. */
  private static int elements(Insn i) {
    return multiple(i) ? MULTIPLE_ELEMENTS[i.f("opcode")] : ((i.f("opcode") & 1) << 1 | i.f("R")) + 1;
  }

  private static int registers(Insn i) {
    return multiple(i) ? MULTIPLE_REGISTERS[i.f("opcode")] : elements(i);
  }

  /** log2 of the element size in bytes; for single structures it follows the opcode. */
  private static int size(Insn i) {
    if (multiple(i)) {
      return i.f("size");
    }
    int scale = i.f("opcode") >> 1;
    return scale == 3 ? i.f("size") : scale == 2 && (i.f("size") & 1) == 1 ? 3 : scale;
  }

  private static boolean replicate(Insn i) {
    return !multiple(i) && i.f("opcode") >> 1 == 3;
  }

  /** The lane of a single-structure access, from Q, S and size. */
  private static int index(Insn i) {
    int qs = i.f("Q") << 1 | i.f("S");
    return switch (size(i)) {
      case 0 -> qs << 2 | i.f("size");
      case 1 -> qs << 1 | i.f("size") >> 1;
      case 2 -> qs;
      default -> i.f("Q");
    };
  }

  /** Bytes the access transfers: the post-index immediate. */
  private static int transferBytes(Insn i) {
    int elementBytes = 1 << size(i);
    return multiple(i) ? registers(i) * (i.f("Q") == 1 ? 16 : 8) : elements(i) * elementBytes;
  }

  @Override
  public String unallocated(Insn i) {
    if (multiple(i)) {
      int op = i.f("opcode");
      if (MULTIPLE_REGISTERS[op] == 0) {
        return "unallocated opcode";
      }
      return i.f("size") == 3 && i.f("Q") == 0 && MULTIPLE_ELEMENTS[op] > 1 ? "one 64-bit lane per register" : null;
    }
    int scale = i.f("opcode") >> 1;
    int size = i.f("size");
    if (scale == 3) {
      return load(i) && i.f("S") == 0 ? null : "replicating loads only, with S = 0";
    }
    if (scale == 1 && (size & 1) == 1 || scale == 2 && (size > 1 || size == 1 && i.f("S") == 1)) {
      return "unallocated size";
    }
    return null;
  }

  @Override
  public String disassemble(Insn i) {
    String name = (load(i) ? "ld" : "st") + elements(i) + (replicate(i) ? "r" : "");
    int size = size(i);
    String list;
    if (multiple(i) || replicate(i)) {
      list = Simd.list(i.f("rt"), registers(i), Simd.arrangement(0, i.f("Q"), size).substring(3));
    } else {
      list = Simd.list(i.f("rt"), registers(i), String.valueOf("bhsd".charAt(size))) + "[" + index(i) + "]";
    }
    String address = "[" + Asm.rsp(i.f("rn"), true) + "]";
    if (!postIndexed(i)) {
      return Asm.join(name, list, address);
    }
    int rm = i.f("rm");
    return Asm.join(name, list, address, rm == 31 ? "#" + transferBytes(i) : Asm.r(rm, true));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int rn = i.f("rn");
    LLVMValueRef address = e.regOrSp(rn, true);
    int size = size(i);
    int bits = Simd.bits(size);
    int rt = i.f("rt");
    int registers = registers(i);
    int n = elements(i);
    if (multiple(i)) {
      int lanes = Simd.lanes(i.f("Q"), size);
      int total = registers * lanes;
      // Register r's lane k is block element r * lanes + k for LD1, k * n + r for an interleaved LDn.
      int[] toRegisters = new int[total];
      for (int r = 0; r < registers; r++) {
        for (int k = 0; k < lanes; k++) {
          toRegisters[r * lanes + k] = n == 1 ? r * lanes + k : k * n + r;
        }
      }
      if (load(i)) {
        LLVMValueRef block = ir.bitcast(e.load(address, total * bits / 8), ir.m.vectorType(total, bits));
        LLVMValueRef ordered = ir.shuffle(block, block, toRegisters);
        for (int r = 0; r < registers; r++) {
          Simd.write(e, (rt + r) % 32, slice(ir, ordered, r * lanes, lanes));
        }
      } else {
        LLVMValueRef joined = Simd.arranged(e, rt, i.f("Q"), size);
        for (int r = 1; r < registers; r++) {
          joined = append(ir, joined, Simd.arranged(e, (rt + r) % 32, i.f("Q"), size));
        }
        int[] toMemory = new int[total];
        for (int m = 0; m < total; m++) {
          toMemory[toRegisters[m]] = m;
        }
        LLVMValueRef block = ir.shuffle(joined, joined, toMemory);
        e.store(address, ir.bitcast(block, ir.m.intType(total * bits)));
      }
    } else if (replicate(i)) {
      int lanes = Simd.lanes(i.f("Q"), size);
      LLVMValueRef block = ir.bitcast(e.load(address, n * bits / 8), ir.m.vectorType(n, bits));
      for (int r = 0; r < n; r++) {
        int[] everyLane = new int[lanes];
        java.util.Arrays.fill(everyLane, r);
        Simd.write(e, (rt + r) % 32, ir.shuffle(block, block, everyLane));
      }
    } else {
      int lane = index(i);
      if (load(i)) {
        LLVMValueRef block = ir.bitcast(e.load(address, n * bits / 8), ir.m.vectorType(n, bits));
        for (int r = 0; r < n; r++) {
          int reg = (rt + r) % 32;
          LLVMValueRef element = ir.extract(block, ir.c(32, r));
          Simd.write(e, reg, ir.insert(Simd.arranged(e, reg, 1, size), element, lane));
        }
      } else {
        LLVMValueRef block = ir.splat(ir.m.vectorType(n, bits), 0);
        for (int r = 0; r < n; r++) {
          LLVMValueRef element = ir.extract(Simd.arranged(e, (rt + r) % 32, 1, size), ir.c(32, lane));
          block = ir.insert(block, element, r);
        }
        e.store(address, ir.bitcast(block, ir.m.intType(n * bits)));
      }
    }
    if (postIndexed(i)) {
      int rm = i.f("rm");
      LLVMValueRef step = rm == 31 ? ir.c(64, transferBytes(i)) : e.reg(rm, true);
      e.setRegOrSp(rn, ir.add(address, step));
    }
  }

  private static LLVMValueRef slice(IrBuilder ir, LLVMValueRef vector, int from, int lanes) {
    int[] mask = new int[lanes];
    for (int k = 0; k < lanes; k++) {
      mask[k] = from + k;
    }
    return ir.shuffle(vector, vector, mask);
  }

  /** a followed by b, where b may be shorter than a (shuffles need operands of one type). */
  private static LLVMValueRef append(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    int aLanes = IrBuilder.lanes(a);
    int bLanes = IrBuilder.lanes(b);
    int[] widen = new int[aLanes];
    for (int k = 0; k < aLanes; k++) {
      widen[k] = k < bLanes ? k : bLanes; // lanes past b read b's undefined padding, never used
    }
    LLVMValueRef padded = aLanes == bLanes ? b : ir.shuffle(b, ir.splat(LLVMTypeOf(b), 0), widen);
    int[] mask = new int[aLanes + bLanes];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = k < aLanes ? k : aLanes + (k - aLanes);
    }
    return ir.shuffle(a, padded, mask);
  }

  private static org.bytedeco.llvm.LLVM.LLVMTypeRef LLVMTypeOf(LLVMValueRef v) {
    return org.bytedeco.llvm.global.LLVM.LLVMTypeOf(v);
  }
}
