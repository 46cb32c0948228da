package elfconv.ir;

/**
 * JavaCPP settings, applied before its first native allocation. JavaCPP reads /proc/self/statm at every native
 * allocation to enforce a limit on physical memory unless the limit is 0; lifting a static glibc program makes
 * millions of small allocations, and the reads cost a second of a ten-second translation.
 */
public final class JavaCppSettings {
  private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  private JavaCppSettings() {}

  /** Call from the static initialiser of every class that can be the first to use JavaCPP; a user's -D wins. */
  public static void apply() {
    if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
      System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }
  }
}
