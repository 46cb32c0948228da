package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirtyRegistersTest {
  private static BitSet regs(int... registers) {
    BitSet set = new BitSet();
    for (int r : registers) {
      set.set(r);
    }
    return set;
  }

  @Test
  void writesFlowAlongBranchesUntilASynchronisation() {
    DirtyRegisters d = new DirtyRegisters();
    // 0x10 writes x1 and branches to 0x20 or 0x30; 0x20 writes x2 and loops back to itself; 0x30 calls (all
    // clean), writes x3 and branches to 0x40.
    d.branch(0x10, 0x20, regs(1), false);
    d.branch(0x10, 0x30, regs(1), false);
    d.branch(0x20, 0x20, regs(2), false);
    d.branch(0x30, 0x40, regs(3), true);
    Map<Long, BitSet> entry = d.onEntry();
    assertEquals(regs(1, 2), entry.get(0x20L));
    assertEquals(regs(1), entry.get(0x30L));
    assertEquals(regs(3), entry.get(0x40L));
    assertEquals(null, entry.get(0x10L)); // the function's entry: clean
  }

  @Test
  void aLoopCarriesWhatItsBodyWrites() {
    DirtyRegisters d = new DirtyRegisters();
    d.branch(0x10, 0x20, regs(), false);
    d.branch(0x20, 0x30, regs(5), false);
    d.branch(0x30, 0x20, regs(6), false);
    Map<Long, BitSet> entry = d.onEntry();
    assertEquals(regs(5, 6), entry.get(0x20L));
    assertEquals(regs(5, 6), entry.get(0x30L));
  }
}
