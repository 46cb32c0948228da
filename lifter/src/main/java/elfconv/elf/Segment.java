package elfconv.elf;

/** A PT_LOAD program header, with addresses already moved by the image's load bias. */
public record Segment(long vaddr, long fileOffset, long fileSize, long memSize, int flags) {
  public static final int EXECUTE = 1;
  public static final int WRITE = 2;
  public static final int READ = 4;

  public boolean executable() {
    return (flags & EXECUTE) != 0;
  }

  public boolean contains(long address) {
    return address >= vaddr && address < vaddr + memSize;
  }

  public long end() {
    return vaddr + memSize;
  }
}
