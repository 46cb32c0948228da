package elfconv.elf;

/** A section header, with its address moved by the image's load bias. */
public record Section(String name, int type, long flags, long addr, long fileOffset, long size) {
  public static final long SHF_EXECINSTR = 0x4;
  public static final int SHT_NOBITS = 8;

  public boolean executable() {
    return (flags & SHF_EXECINSTR) != 0;
  }
}
