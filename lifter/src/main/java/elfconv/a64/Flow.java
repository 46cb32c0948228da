package elfconv.a64;

/** Where control goes after an instruction, as far as it is known without running it. */
public record Flow(Kind kind, long target) {
  public enum Kind {
    /** Continues with the next instruction (syscalls included). */
    NEXT,
    /** Always goes to {@code target}. */
    BRANCH,
    /** Goes to {@code target} or to the next instruction. */
    CONDITIONAL,
    /** Calls {@code target}; the callee returns to the next instruction. */
    CALL,
    /** Calls a register; the callee returns to the next instruction. */
    CALL_INDIRECT,
    /** Jumps to a register. */
    JUMP_INDIRECT,
    /** Returns to a register. */
    RETURN,
    /** Ends the process (an instruction that raises a signal). */
    STOP
  }

  public static final Flow NEXT = new Flow(Kind.NEXT, 0);
  public static final Flow CALL_INDIRECT = new Flow(Kind.CALL_INDIRECT, 0);
  public static final Flow JUMP_INDIRECT = new Flow(Kind.JUMP_INDIRECT, 0);
  public static final Flow RETURN = new Flow(Kind.RETURN, 0);
  public static final Flow STOP = new Flow(Kind.STOP, 0);

  /** Where control goes after the instruction: the one description of control flow that every analysis uses. */
  public static Flow of(Insn i) {
    long pc = i.address();
    return switch (i.op()) {
      case B -> branch(pc + ((Args.Branch) i.args()).imm26() * 4L);
      case BL -> call(pc + ((Args.Branch) i.args()).imm26() * 4L);
      case B_cond -> {
        Args.CondBranch a = (Args.CondBranch) i.args();
        long target = pc + a.imm19() * 4L;
        yield a.cond() >= 14 ? branch(target) : conditional(target);
      }
      case CBZ, CBNZ -> conditional(pc + ((Args.CompareBranch) i.args()).imm19() * 4L);
      case TBZ, TBNZ -> conditional(pc + ((Args.TestBranch) i.args()).imm14() * 4L);
      case BR -> JUMP_INDIRECT;
      case BLR -> CALL_INDIRECT;
      case RET -> RETURN;
      case BRK, UDF, UNALLOCATED -> STOP;
      default -> NEXT;
    };
  }

  public static Flow branch(long target) {
    return new Flow(Kind.BRANCH, target);
  }

  public static Flow conditional(long target) {
    return new Flow(Kind.CONDITIONAL, target);
  }

  public static Flow call(long target) {
    return new Flow(Kind.CALL, target);
  }

  /** True when the next instruction is not executed right after this one in the same function. */
  public boolean endsBlock() {
    return kind == Kind.BRANCH || kind == Kind.JUMP_INDIRECT || kind == Kind.RETURN || kind == Kind.STOP;
  }
}
