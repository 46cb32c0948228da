package elfconv.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A statically linked AArch64 ELF64 executable (ET_EXEC, or static-pie ET_DYN placed at {@link #PIE_BASE}).
 * Every address it hands out is a guest address, load bias included.
 */
public final class ElfImage {
  /** Where a static-pie image is placed in the guest window. */
  public static final long PIE_BASE = 0x400000;

  private static final int EM_AARCH64 = 183;
  private static final int ET_EXEC = 2;
  private static final int ET_DYN = 3;
  private static final int PT_LOAD = 1;
  private static final int PT_INTERP = 3;
  private static final int PT_PHDR = 6;
  private static final int PT_GNU_EH_FRAME = 0x6474e550;
  private static final int SHT_SYMTAB = 2;
  private static final int SHT_STRTAB = 3;
  private static final Map<Integer, String> MACHINES = Map.of(3, "x86 (EM_386)", 62, "x86-64 (EM_X86_64)",
      40, "32-bit ARM (EM_ARM)", 243, "RISC-V (EM_RISCV)", 8, "MIPS (EM_MIPS)", 21, "PowerPC64 (EM_PPC64)",
      22, "s390 (EM_S390)");

  private final Path path;
  private final byte[] bytes;
  private final boolean pie;
  private final long bias;
  private final long entry;
  private final long phdrAddress;
  private final int phent;
  private final int phnum;
  private final long ehFrameHeader;
  private final List<Segment> segments;
  private final List<Section> sections;
  /** Start to end of every executable section with an address; empty without section headers. */
  private final NavigableMap<Long, Long> codeSections = new TreeMap<>();
  private final List<Symbol> symbols;

  private ElfImage(Path path, byte[] bytes) {
    this.path = path;
    this.bytes = bytes;
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int type = Short.toUnsignedInt(buf.getShort(16));
    if (type != ET_EXEC && type != ET_DYN) {
      throw error("is an ELF of type " + typeName(type) + ", not an executable");
    }
    pie = type == ET_DYN;
    bias = pie ? PIE_BASE : 0;
    entry = buf.getLong(24) + bias;
    long phoff = buf.getLong(32);
    long shoff = buf.getLong(40);
    phent = Short.toUnsignedInt(buf.getShort(54));
    phnum = Short.toUnsignedInt(buf.getShort(56));
    int shent = Short.toUnsignedInt(buf.getShort(58));
    int shnum = Short.toUnsignedInt(buf.getShort(60));
    int shstrndx = Short.toUnsignedInt(buf.getShort(62));
    if (phnum > 0 && phent != PHDR_SIZE) {
      throw error("program headers are " + phent + " bytes each (e_phentsize), not the " + PHDR_SIZE
          + " of ELF64; the header is damaged");
    }
    requireInFile("program headers", phoff, (long) phent * phnum);

    List<Segment> loads = new ArrayList<>();
    long phdr = -1;
    long ehFrameHdr = -1;
    for (int i = 0; i < phnum; i++) {
      int at = (int) (phoff + (long) i * phent);
      int ptype = buf.getInt(at);
      int flags = buf.getInt(at + 4);
      long offset = buf.getLong(at + 8);
      long vaddr = buf.getLong(at + 16) + bias;
      long filesz = buf.getLong(at + 32);
      long memsz = buf.getLong(at + 40);
      if (ptype == PT_INTERP) {
        requireInFile("PT_INTERP", offset, filesz);
        String interp = cString(offset);
        throw error("is dynamically linked (PT_INTERP requests " + interp
            + "); elfconv translates statically linked executables only: relink with -static");
      } else if (ptype == PT_LOAD) {
        requireInFile("segment " + i, offset, filesz);
        checkPlacement(i, vaddr, filesz, memsz);
        loads.add(new Segment(vaddr, offset, filesz, memsz, flags));
      } else if (ptype == PT_PHDR) {
        phdr = vaddr;
      } else if (ptype == PT_GNU_EH_FRAME) {
        ehFrameHdr = vaddr;
      }
    }
    if (loads.isEmpty()) {
      throw error("has no loadable segment (PT_LOAD)");
    }
    segments = List.copyOf(loads);
    phdrAddress = phdr >= 0 ? phdr : phdrFromSegments(phoff);
    ehFrameHeader = ehFrameHdr;
    sections = readSections(buf, shoff, shent, shnum, shstrndx);
    if (segmentContaining(entry).filter(Segment::executable).isEmpty()) {
      throw error("has its entry point 0x" + Long.toHexString(entry) + " outside every executable segment");
    }
    if (!isCode(entry)) {
      throw error("has its entry point 0x" + Long.toHexString(entry) + " past the bytes its segment has in the file");
    }
    for (Section section : sections) {
      if (section.executable() && section.addr() != 0 && insideExecutableBytes(section.addr(), section.size())) {
        codeSections.put(section.addr(), section.addr() + section.size());
      }
    }
    if (!codeSections.isEmpty() && !isCode(entry)) {
      // Section headers that leave out the entry point are wrong (the loader never reads them): segments decide.
      codeSections.clear();
    }
    symbols = readSymbols(buf);
  }

  /** Reads and checks an AArch64 executable; every problem is an {@link ElfFormatException} naming the file. */
  public static ElfImage read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ElfFormatException(path + ": no such file");
    } catch (IOException e) {
      throw new ElfFormatException(path + ": cannot read: " + e.getMessage());
    }
    checkIdent(path, bytes);
    return new ElfImage(path, bytes);
  }

  private static void checkIdent(Path path, byte[] b) {
    if (b.length < 4 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
      throw new ElfFormatException(path + ": not an ELF file (it starts with " + describeStart(b)
          + ", not 7f 45 4c 46); give a statically linked Linux/AArch64 executable");
    }
    if (b.length < 64) {
      throw new ElfFormatException(path + ": truncated ELF file: " + b.length
          + " bytes, shorter than the 64-byte ELF64 header");
    }
    if (b[4] != 2) {
      throw new ElfFormatException(path + ": " + (b[4] == 1 ? "32-bit ELF (ELFCLASS32)" : "unknown ELF class " + b[4])
          + "; elfconv needs a 64-bit AArch64 executable");
    }
    if (b[5] != 1) {
      throw new ElfFormatException(path + ": " + (b[5] == 2 ? "big-endian ELF (ELFDATA2MSB)" : "unknown ELF data "
          + "encoding " + b[5]) + "; elfconv needs a little-endian AArch64 executable");
    }
    int machine = (b[18] & 0xff) | (b[19] & 0xff) << 8;
    if (machine != EM_AARCH64) {
      throw new ElfFormatException(path + ": machine is " + MACHINES.getOrDefault(machine, "EM " + machine)
          + ", not AArch64 (EM_AARCH64, 183)");
    }
  }

  private static String describeStart(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(4, b.length); i++) {
      s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
    }
    return b.length == 0 ? "nothing (empty file)" : s.toString();
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0 -> "ET_NONE";
      case 1 -> "ET_REL (an object file: link it first)";
      case 4 -> "ET_CORE (a core dump)";
      default -> String.valueOf(type);
    };
  }

  /** AArch64 Linux user space: 48-bit addresses, the lowest page never mapped. */
  private static final long USER_SPACE_END = 1L << 48;
  private static final int PHDR_SIZE = 56;
  private static final int SHDR_SIZE = 64;

  private void checkPlacement(int i, long vaddr, long filesz, long memsz) {
    if (memsz < 0 || Long.compareUnsigned(memsz, filesz) < 0) {
      throw error(String.format("segment %d: its size in memory (0x%x) is smaller than its size in the file (0x%x)",
          i, memsz, filesz));
    }
    if (vaddr < 0 || vaddr >= USER_SPACE_END || memsz > USER_SPACE_END - vaddr) {
      throw error(String.format("segment %d at 0x%x (+0x%x bytes) lies outside the 48-bit user address space", i,
          vaddr, memsz));
    }
  }

  private boolean insideExecutableBytes(long address, long size) {
    return segments.stream().anyMatch(s -> s.executable() && address >= s.vaddr() && size >= 0
        && address - s.vaddr() <= s.fileSize() && size <= s.fileSize() - (address - s.vaddr()));
  }

  private void requireInFile(String what, long offset, long size) {
    if (offset < 0 || size < 0 || offset > bytes.length || size > bytes.length - offset) {
      throw error("truncated ELF file: " + what + " at file offset 0x" + Long.toHexString(offset) + " (+0x"
          + Long.toHexString(size) + " bytes) extends past the end of the file (" + bytes.length + " bytes)");
    }
  }

  private long phdrFromSegments(long phoff) {
    for (Segment s : segments) {
      if (phoff >= s.fileOffset() && phoff < s.fileOffset() + s.fileSize()) {
        return s.vaddr() + (phoff - s.fileOffset());
      }
    }
    return 0;
  }

  private List<Section> readSections(ByteBuffer buf, long shoff, int shent, int shnum, int shstrndx) {
    if (shoff == 0 || shnum == 0) {
      return List.of();
    }
    if (shent != SHDR_SIZE) {
      throw error("section headers are " + shent + " bytes each (e_shentsize), not the " + SHDR_SIZE
          + " of ELF64; the header is damaged");
    }
    requireInFile("section headers", shoff, (long) shent * shnum);
    long namesOffset = shstrndx < shnum ? buf.getLong((int) (shoff + (long) shstrndx * shent) + 24) : 0;
    List<Section> result = new ArrayList<>();
    for (int i = 0; i < shnum; i++) {
      int at = (int) (shoff + (long) i * shent);
      String name = namesOffset == 0 ? "" : cString(namesOffset + Integer.toUnsignedLong(buf.getInt(at)));
      int type = buf.getInt(at + 4);
      long flags = buf.getLong(at + 8);
      long addr = buf.getLong(at + 16);
      long offset = buf.getLong(at + 24);
      long size = buf.getLong(at + 32);
      if (type != Section.SHT_NOBITS && type != 0) {
        requireInFile("section " + name, offset, size);
      }
      result.add(new Section(name, type, flags, addr == 0 ? 0 : addr + bias, offset, size));
    }
    return List.copyOf(result);
  }

  private List<Symbol> readSymbols(ByteBuffer buf) {
    // Only by their types are the tables in the file (checked above): a .symtab of another type is not one.
    Optional<Section> symtab = section(".symtab").filter(t -> t.type() == SHT_SYMTAB);
    Optional<Section> strtab = section(".strtab").filter(t -> t.type() == SHT_STRTAB);
    if (symtab.isEmpty() || strtab.isEmpty()) {
      return List.of();
    }
    List<Symbol> result = new ArrayList<>();
    for (long at = symtab.get().fileOffset(); at + 24 <= symtab.get().fileOffset() + symtab.get().size(); at += 24) {
      int nameOffset = buf.getInt((int) at);
      int type = buf.get((int) at + 4) & 0xf;
      int shndx = Short.toUnsignedInt(buf.getShort((int) at + 6));
      long value = buf.getLong((int) at + 8);
      long size = buf.getLong((int) at + 16);
      boolean absolute = shndx == 0xfff1 || shndx == 0;
      result.add(new Symbol(cString(strtab.get().fileOffset() + Integer.toUnsignedLong(nameOffset)),
          absolute ? value : value + bias, size, type, shndx));
    }
    return List.copyOf(result);
  }

  private String cString(long offset) {
    if (offset < 0 || offset >= bytes.length) {
      throw error("a name at file offset 0x" + Long.toHexString(offset) + " lies outside the file (" + bytes.length
          + " bytes); its string table is damaged");
    }
    int start = (int) offset;
    int end = start;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    // Names go into messages and listings, one line each: control characters are shown, not obeyed.
    StringBuilder name = new StringBuilder();
    new String(bytes, start, end - start, StandardCharsets.UTF_8).codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        name.append(String.format("\\x%02x", c));
      } else {
        name.appendCodePoint(c);
      }
    });
    return name.toString();
  }

  private ElfFormatException error(String what) {
    return new ElfFormatException(path + ": " + what);
  }

  public Path path() {
    return path;
  }

  public boolean isStaticPie() {
    return pie;
  }

  public long entry() {
    return entry;
  }

  public long phdrAddress() {
    return phdrAddress;
  }

  public int phent() {
    return phent;
  }

  public int phnum() {
    return phnum;
  }

  /** The address of .eh_frame_hdr (PT_GNU_EH_FRAME), where the unwinder finds .eh_frame; -1 if none. */
  public long ehFrameHeader() {
    return ehFrameHeader;
  }

  public List<Segment> segments() {
    return segments;
  }

  public List<Section> sections() {
    return sections;
  }

  /** What the image's addresses are moved by from the ELF's (a static-pie loads at a fixed base). */
  public long bias() {
    return bias;
  }

  public List<Symbol> symbols() {
    return symbols;
  }

  public Optional<Section> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<Segment> segmentContaining(long address) {
    return segments.stream().filter(s -> s.contains(address)).findFirst();
  }

  /** The file bytes of a segment (its first fileSize bytes; the rest up to memSize is zero). */
  public byte[] fileBytes(Segment segment) {
    return java.util.Arrays.copyOfRange(bytes, (int) segment.fileOffset(),
        (int) (segment.fileOffset() + segment.fileSize()));
  }

  /**
   * True when the address is inside an executable segment's file bytes, where instructions can be read, and, when
   * the ELF has section headers, inside an executable section: the read-only data a linker puts in the same
   * segment as the code (.rodata, .eh_frame) is not code.
   */
  public boolean isCode(long address) {
    Optional<Segment> s = segmentContaining(address);
    if (s.isEmpty() || !s.get().executable() || address + 4 > s.get().vaddr() + s.get().fileSize()) {
      return false;
    }
    if (codeSections.isEmpty()) {
      return true;
    }
    Map.Entry<Long, Long> section = codeSections.floorEntry(address);
    return section != null && address + 4 <= section.getValue();
  }

  /** The 32-bit little-endian word at a guest address inside an executable segment. */
  public int word(long address) {
    Segment s = segmentContaining(address).orElseThrow();
    int at = (int) (s.fileOffset() + (address - s.vaddr()));
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
  }

  /** The {@code size}-byte (1-8) little-endian value stored at a guest address in file-backed data, if it is. */
  public Optional<Long> data(long address, int size) {
    Optional<Segment> s = segmentContaining(address);
    if (s.isEmpty() || address + size > s.get().vaddr() + s.get().fileSize()) {
      return Optional.empty();
    }
    int at = (int) (s.get().fileOffset() + (address - s.get().vaddr()));
    long value = 0;
    for (int k = size - 1; k >= 0; k--) {
      value = value << 8 | (bytes[at + k] & 0xff);
    }
    return Optional.of(value);
  }
}
