package elfconv.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A host the guest is translated for, with the flags that compile code for it and link a translated program. The
 * lifter's code generation and link step must use the same ones as the runtime's build and tests do.
 */
public enum Target {
  /** A static x86_64 Linux executable; the guest window is reserved at {@link elfconv.runtime.GuestLayout#X86_64_GUEST_BASE}. */
  X86_64("x86_64", "x86_64-unknown-linux-gnu", List.of("-fno-pic", "-fno-pie", "-mcmodel=small"),
      Toolchain.Tool.LD_LLD),
  /** A WASI preview1 command module; the guest window is linear memory {@code [0, window size)}. */
  WASM32("wasm32", "wasm32-unknown-wasi", List.of(), Toolchain.Tool.WASM_LD);

  /**
   * Size of the wasm32 shadow stack (address-taken locals of the runtime and of lifted code). It fills linear
   * memory from address 0, the low end of the guest window where no guest segment or mapping lies, so that an
   * overflow leaves linear memory and traps instead of overwriting data; the guest's lowest address is its end.
   */
  public static final long WASM32_SHADOW_STACK_SIZE = 2 << 20;

  /**
   * The guest window, [0, size) of guest addresses, unless the user chooses one: on x86_64 1 TiB of reserved host
   * address space that costs memory only where the guest touches it (the guest may use what the host gives it); on
   * wasm32 256 MiB of linear memory, which engines allocate up front.
   */
  public long defaultWindowSize() {
    return this == X86_64 ? 1L << 40 : 256L << 20;
  }

  /**
   * {@code size} as this target's guest window: on x86_64 lifted code masks addresses with it, so a power of two,
   * within the runtime's page table (1 TiB); on wasm32 whole 64 KiB wasm pages, up to 1920 MiB: the runtime's data
   * lies above the window, and wasmtime-java's engine traps when a data segment starts at 2 GiB or above (Node's
   * does not). At least 64 MiB, room for the stack and a program.
   *
   * @param given how the user wrote the size, for the message
   * @throws IllegalArgumentException saying what sizes the target takes
   */
  public long checkedWindowSize(long size, String given) {
    boolean fits = switch (this) {
      case X86_64 -> Long.bitCount(size) == 1 && size <= 1L << 40;
      case WASM32 -> size % (64 << 10) == 0 && size <= 1920L << 20;
    };
    if (!fits || size < 64L << 20) {
      throw new IllegalArgumentException("--guest-memory " + given + ": " + id + " takes "
          + (this == X86_64 ? "a power of two from 64M to 1T" : "a multiple of 64K from 64M to 1920M"));
    }
    return size;
  }

  private final String id;
  private final String triple;
  private final List<String> codeFlags;
  private final Toolchain.Tool linker;

  Target(String id, String triple, List<String> codeFlags, Toolchain.Tool linker) {
    this.id = id;
    this.triple = triple;
    this.codeFlags = codeFlags;
    this.linker = linker;
  }

  /** The target by its command-line name, {@code x86_64} or {@code wasm32}. */
  public static Target of(String id) {
    for (Target target : values()) {
      if (target.id.equals(id)) {
        return target;
      }
    }
    throw new IllegalArgumentException("unknown target '" + id + "': expected x86_64 or wasm32");
  }

  public String id() {
    return id;
  }

  /** The LLVM target triple. */
  public String triple() {
    return triple;
  }

  /** clang arguments that select this target and its code model, for C sources and for bitcode alike. */
  public List<String> clangTargetArguments() {
    List<String> args = new ArrayList<>(List.of("-target", triple));
    args.addAll(codeFlags);
    return args;
  }

  public Toolchain.Tool linker() {
    return linker;
  }

  /**
   * Arguments for {@link #linker()} that link the objects (lifted program and runtime) into a translated program.
   * wasm32 places the shadow stack first, below the guest's lowest address, and the runtime's data above the guest
   * window, which must therefore be known here; wasm-ld exports {@code _start} and {@code memory} by itself.
   */
  public List<String> linkArguments(List<Path> objects, Path output, long windowSize) {
    List<String> arguments = new ArrayList<>(switch (this) {
      case X86_64 -> List.of("-static", "-e", "_start", "--gc-sections", "-o", output.toString());
      case WASM32 -> List.of("--stack-first", "-z", "stack-size=" + WASM32_SHADOW_STACK_SIZE,
          "--global-base=" + windowSize,
          "--gc-sections", "-o", output.toString());
    });
    objects.forEach(o -> arguments.add(o.toString()));
    return arguments;
  }
}
