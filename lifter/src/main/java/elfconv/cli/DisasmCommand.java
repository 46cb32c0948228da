package elfconv.cli;

import elfconv.a64.A64Decoder;
import elfconv.a64.Insn;
import elfconv.elf.ElfImage;
import elfconv.lift.Discovery;
import elfconv.lift.GuestFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "disasm", description = "Print every function elfconv would translate, block by block.")
final class DisasmCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "statically linked AArch64 Linux ELF executable")
  Path input;

  @Override
  public Integer call() {
    ElfImage image = ElfImage.read(input);
    for (GuestFunction f : Discovery.discover(image, A64Decoder.standard())) {
      System.out.printf("%n%s:%n", f.symbol());
      for (List<Insn> block : f.blocks().values()) {
        for (Insn insn : block) {
          System.out.printf("  %8x:  %08x  %s%n", insn.address(), insn.word(), A64Decoder.family(insn).disassemble(insn));
        }
        System.out.println();
      }
    }
    return 0;
  }
}
