package elfconv.cli;

import elfconv.a64.A64Decoder;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.elf.ElfImage;
import elfconv.elf.Symbol;
import elfconv.lift.Discovery;
import elfconv.lift.GuestFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    Map<Long, String> names = new TreeMap<>();
    for (Symbol s : image.symbols()) {
      if (s.isFunction()) {
        names.putIfAbsent(s.value(), s.name());
      }
    }
    for (GuestFunction f : Discovery.discover(image, A64Decoder.standard())) {
      String name = names.get(f.entry());
      System.out.printf("%n%s%s:%n", f.symbol(), name == null ? "" : " <" + name + ">");
      for (List<Insn> block : f.blocks().values()) {
        for (Insn insn : block) {
          System.out.printf("  %8x:  %08x  %s%s%n", insn.address(), insn.word(),
              A64Decoder.standard().disassemble(insn.address(), insn.word()), target(insn, names));
        }
        System.out.println();
      }
    }
    return 0;
  }

  /** The absolute target of a direct branch or call, as a comment. */
  private static String target(Insn insn, Map<Long, String> names) {
    Flow flow = Flow.of(insn);
    boolean direct = flow.kind() == Flow.Kind.BRANCH || flow.kind() == Flow.Kind.CONDITIONAL
        || flow.kind() == Flow.Kind.CALL;
    if (!direct) {
      return "";
    }
    String name = names.get(flow.target());
    return String.format("    // 0x%x%s", flow.target(), name == null ? "" : " <" + name + ">");
  }
}
