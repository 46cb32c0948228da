package elfconv.lift;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * What a function's instructions do with the register file, as a first lifting pass finds it.
 *
 * @param written registers 0-30, 31 for SP, and {@link RegisterFile#FLAGS} for NZCV
 * @param read the registers (and flags) the instructions read, in the same numbering
 * @param calleeSavedWrites per instruction address, which of X19-X29 and SP it writes ({@link PreservedRegisters})
 * @param flagReaders addresses of the instructions that read a flag
 * @param flagWriters addresses of the instructions that set the flags
 * @param branches the branches between the function's blocks, for the registers dirty where each block starts
 *     ({@link DirtyRegisters})
 * @param linkRegisterEscapes whether X30 is read other than to return through it or to save it in the stack frame
 *     ({@link ReturnsTwice})
 */
record RegisterUsage(BitSet written, BitSet read, Map<Long, BitSet> calleeSavedWrites, Set<Long> flagReaders,
    Set<Long> flagWriters, DirtyRegisters branches, boolean linkRegisterEscapes) {}
