package elfconv.elf;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the unwinder resumes a frame whose call threw: the landing pads (C++ catch clauses and cleanups) of the
 * call-site tables in {@code .gcc_except_table}, each the LSDA an {@code .eh_frame} FDE names. The tables are read
 * as the unwinder reads them (libgcc's unwind-dw2-fde.c and the personality's LSDA parser); one that makes no sense
 * is read as far as it does: the loader never checks them, and a program runs fine until something throws.
 */
public final class LandingPads {
  private static final int OMIT = 0xff;
  private static final long CIE_ID = 0;
  private static final long DWARF64 = 0xffffffffL;

  /** Calls in [start, end) continue at {@code landingPad} when what they call throws. */
  private record CallSite(long end, long landingPad) {}

  /** A CIE's encodings of the pointers in its FDEs. */
  private record Cie(boolean augmented, int fdeEncoding, int lsdaEncoding) {}

  private final ElfImage image;
  private final NavigableMap<Long, CallSite> sites = new TreeMap<>();
  private final Map<Long, Optional<Cie>> cies = new HashMap<>();

  private LandingPads(ElfImage image) {
    this.image = image;
  }

  /** The landing pads of every FDE in the image's {@code .eh_frame}; none when it has no such section. */
  public static LandingPads of(ElfImage image) {
    LandingPads pads = new LandingPads(image);
    pads.readEhFrame();
    return pads;
  }

  /** The landing pad of the call instruction at {@code call}, if the unwinder can resume its frame there. */
  public Optional<Long> of(long call) {
    Map.Entry<Long, CallSite> site = sites.floorEntry(call);
    return site != null && call < site.getValue().end() ? Optional.of(site.getValue().landingPad())
        : Optional.empty();
  }

  private void readEhFrame() {
    long start;
    long end;
    Optional<Section> section = image.section(".eh_frame").filter(s -> s.addr() != 0);
    if (section.isPresent()) {
      start = section.get().addr();
      end = start + section.get().size();
    } else if (image.ehFrameHeader() >= 0) {
      // Without section headers: .eh_frame_hdr's eh_frame_ptr, as the unwinder finds it; it ends with its segment.
      try {
        // version, eh_frame_ptr's encoding, the table's two encodings, then eh_frame_ptr
        int encoding = new Cursor(image.ehFrameHeader() + 1).u8();
        start = new Cursor(image.ehFrameHeader() + 4).encoded(encoding);
      } catch (Malformed e) {
        return;
      }
      Optional<Segment> segment = image.segmentContaining(start);
      if (segment.isEmpty()) {
        return;
      }
      end = segment.get().vaddr() + segment.get().fileSize();
    } else {
      return;
    }
    for (long at = start; at + 4 <= end; ) {
      long length = image.data(at, 4).orElse(0L);
      if (length == 0 || length == DWARF64) {
        return; // the terminator (or no data); 64-bit DWARF records no compiler puts in .eh_frame
      }
      long body = at + 4;
      at = body + length;
      try {
        Cursor c = new Cursor(body);
        long id = c.u32();
        if (id != CIE_ID) {
          readFde(c, cie(body - id));
        }
      } catch (Malformed e) {
        // this FDE's landing pads are lost; the next record may still be sound
      }
    }
  }

  private Optional<Cie> cie(long at) {
    return cies.computeIfAbsent(at, a -> {
      try {
        Cursor c = new Cursor(a);
        long length = c.u32();
        if (length == 0 || length == DWARF64 || c.u32() != CIE_ID) {
          return Optional.empty();
        }
        int version = c.u8();
        String augmentation = c.string();
        c.uleb(); // code alignment
        c.sleb(); // data alignment
        if (version == 1) {
          c.u8();
        } else {
          c.uleb(); // return address register
        }
        int fdeEncoding = 0;
        int lsdaEncoding = OMIT;
        boolean augmented = augmentation.startsWith("z");
        if (augmented) {
          c.uleb();
          for (char k : augmentation.substring(1).toCharArray()) {
            switch (k) {
              case 'L' -> lsdaEncoding = c.u8();
              case 'R' -> fdeEncoding = c.u8();
              case 'P' -> c.encoded(c.u8());
              case 'S', 'B' -> { }
              default -> {
                return Optional.of(new Cie(true, fdeEncoding, lsdaEncoding)); // the rest the length skips
              }
            }
          }
        }
        return Optional.of(new Cie(augmented, fdeEncoding, lsdaEncoding));
      } catch (Malformed e) {
        return Optional.empty();
      }
    });
  }

  private void readFde(Cursor c, Optional<Cie> cie) {
    if (cie.isEmpty() || !cie.get().augmented() || cie.get().lsdaEncoding() == OMIT) {
      return;
    }
    long functionStart = c.encoded(cie.get().fdeEncoding());
    c.encoded(cie.get().fdeEncoding() & 0x0f); // the range
    c.uleb();
    long lsda = c.encoded(cie.get().lsdaEncoding());
    if (lsda != 0) {
      readLsda(new Cursor(lsda), functionStart);
    }
  }

  /** An LSDA's header and call-site table (the personality's parse_lsda_header, then its search). */
  private void readLsda(Cursor c, long functionStart) {
    int lpStartEncoding = c.u8();
    long lpStart = lpStartEncoding == OMIT ? functionStart : c.encoded(lpStartEncoding);
    if (c.u8() != OMIT) {
      c.uleb(); // the type table's offset
    }
    int siteEncoding = c.u8();
    long tableEnd = c.uleb();
    tableEnd += c.at;
    while (c.at < tableEnd) {
      long start = c.encoded(siteEncoding);
      long length = c.encoded(siteEncoding);
      long pad = c.encoded(siteEncoding);
      c.uleb(); // the action
      if (pad != 0 && length > 0 && image.isCode(lpStart + pad)) {
        sites.put(functionStart + start, new CallSite(functionStart + start + length, lpStart + pad));
      }
    }
  }

  /** Data the tables point to that is not there, or an encoding no unwinder reads. */
  private static final class Malformed extends RuntimeException {
    Malformed() {
      super(null, null, false, false);
    }
  }

  /** Reads the image's bytes from a guest address on. */
  private final class Cursor {
    long at;

    Cursor(long at) {
      this.at = at;
    }

    private long read(int size) {
      long value = image.data(at, size).orElseThrow(Malformed::new);
      at += size;
      return value;
    }

    int u8() {
      return (int) read(1);
    }

    long u32() {
      return read(4);
    }

    long uleb() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        int b = u8();
        if (shift < 64) {
          value |= (long) (b & 0x7f) << shift;
        }
        if ((b & 0x80) == 0) {
          return value;
        }
      }
    }

    long sleb() {
      long value = 0;
      int shift = 0;
      int b;
      do {
        b = u8();
        if (shift < 64) {
          value |= (long) (b & 0x7f) << shift;
        }
        shift += 7;
      } while ((b & 0x80) != 0);
      return shift < 64 && (b & 0x40) != 0 ? value | -1L << shift : value;
    }

    String string() {
      StringBuilder s = new StringBuilder();
      for (int b = u8(); b != 0; b = u8()) {
        s.append((char) b);
      }
      return s.toString();
    }

    /** A DW_EH_PE-encoded pointer: a value format in the low nibble, how it applies in the high one. */
    long encoded(int encoding) {
      if (encoding == OMIT) {
        return 0;
      }
      long field = at;
      long value = switch (encoding & 0x0f) {
        case 0x00, 0x04, 0x0c -> read(8);
        case 0x01 -> uleb();
        case 0x02 -> read(2);
        case 0x03 -> read(4);
        case 0x09 -> sleb();
        case 0x0a -> (short) read(2);
        case 0x0b -> (int) read(4);
        default -> throw new Malformed();
      };
      long base = switch (encoding & 0x70) {
        case 0x00 -> 0;
        case 0x10 -> field;
        default -> throw new Malformed(); // text-, data- and function-relative: not used on AArch64 Linux
      };
      long pointer = value + base;
      return (encoding & 0x80) != 0 ? new Cursor(pointer).read(8) : pointer;
    }
  }
}
