package elfconv.runtime;

import java.util.List;

/**
 * The contract between lifted code and the runtime, mirrored from {@code runtime/src/main/c/elfconv.h}.
 * GuestLayoutTest compiles static assertions of every number here against the header, for both targets.
 */
public final class GuestLayout {
  // Byte offsets in GuestState (the global elfconv_state, defined by the runtime).
  public static final int X0 = 0;
  public static final int SP = 248;
  public static final int PC = 256;
  /** N, Z, C and V: four bytes, each 0 or 1. */
  public static final int NZCV = 264;
  public static final int TPIDR_EL0 = 272;
  public static final int FPCR = 280;
  public static final int FPSR = 288;
  /** The exclusive monitor: address + 1 of the open exclusive access (0: none), then the two values it read. */
  public static final int EXCLUSIVE_ADDRESS = 296;
  public static final int EXCLUSIVE_VALUE = 304;
  public static final int V0 = 320;
  public static final int STATE_SIZE = 832;
  public static final int STATE_ALIGNMENT = 16;

  /** An ElfconvSegment is four u64 fields: vaddr, filesz, memsz, offset (into elfconv_image). */
  public static final int SEGMENT_SIZE = 32;

  /** x86_64: guest address g lives at host address X86_64_GUEST_BASE + g. */
  public static final long X86_64_GUEST_BASE = 0x10_0000_0000L;
  /**
   * x86_64: reserved inaccessible host memory on each side of the 4 GiB window, so that a constant displacement of
   * less than this (less the access size) from any window address faults instead of reaching host memory.
   */
  public static final long X86_64_GUARD = 1L << 20;
  public static final long STACK_SIZE = 8L << 20;
  /** Exit status of a translated program that jumps to an address with no translated code. */
  public static final int EXIT_UNTRANSLATED = 126;
  /** Exit status of a translated program stopped by any other runtime error. */
  public static final int EXIT_FATAL = 125;

  // Defined by the runtime.
  public static final String STATE = "elfconv_state";
  public static final String DISPATCH = "elfconv_dispatch";
  public static final String SYSCALL = "elfconv_syscall";
  public static final String TRAP = "elfconv_trap";
  /** A guest access outside mapped guest memory: diagnostic, then death by SIGSEGV. */
  public static final String FAULT = "elfconv_fault";
  public static final String COUNTER = "elfconv_counter";
  public static final String TRACE_REGISTERS = "elfconv_trace_registers";
  public static final String FMA64 = "elfconv_fma64";
  public static final String FP_EXCEPTIONS = "elfconv_fp_exceptions";
  public static final String FP_ELEMENT = "elfconv_fp_element";

  // Defined by the lifter in every translated program.
  public static final String ENTRY = "elfconv_entry";
  public static final String WINDOW_SIZE = "elfconv_window_size";
  public static final String PHDR = "elfconv_phdr";
  public static final String PHENT = "elfconv_phent";
  public static final String PHNUM = "elfconv_phnum";
  public static final String FUNCTION_MASK = "elfconv_function_mask";
  public static final String FUNCTION_SLOTS = "elfconv_function_slots";
  public static final String SEGMENT_COUNT = "elfconv_segment_count";
  public static final String SEGMENTS = "elfconv_segments";
  public static final String IMAGE = "elfconv_image";

  public static final List<String> RUNTIME_SYMBOLS = List.of(STATE, DISPATCH, SYSCALL, TRAP, FAULT, COUNTER,
      TRACE_REGISTERS, FMA64, FP_EXCEPTIONS, FP_ELEMENT);
  /**
   * Runtime functions only lifted code calls (the FP helpers): internal once linked with lifted code, so that a
   * program that never calls them does not carry them.
   */
  public static final List<String> LIFTED_CODE_HELPERS = List.of(FMA64, FP_EXCEPTIONS, FP_ELEMENT);
  public static final List<String> LIFTER_SYMBOLS = List.of(ENTRY, WINDOW_SIZE, PHDR, PHENT, PHNUM, FUNCTION_MASK,
      FUNCTION_SLOTS, SEGMENT_COUNT, SEGMENTS, IMAGE);

  private GuestLayout() {}

  /** The first slot probed for a function entry address: ELFCONV_FUNCTION_SLOT of elfconv.h. */
  public static int functionSlot(long address, int mask) {
    return (int) (((address >>> 2) * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }

  /** Offset of X{@code n}, 0 <= n <= 30. */
  public static int x(int n) {
    return X0 + 8 * n;
  }

  /** Offset of the 16-byte vector register V{@code n}, 0 <= n <= 31. */
  public static int v(int n) {
    return V0 + 16 * n;
  }
}
