package elfconv.decodetree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed decode table, in the spirit of QEMU's decodetree. Lines of a {@code .decode} file:
 *
 * <pre>
 * # comment
 * &amp;AddSubImm  sf sh imm12 rn rd            argument template: a record with these int fields
 * class AddSubImmediate                      the class whose static methods lift the lines below
 * ADD_i  sf:1 00 100010 sh:1 imm12:12 rn:5 rd:5  &amp;AddSubImm
 * </pre>
 *
 * An instruction line is its name, then tokens from bit 31 down to bit 0 that add up to 32 bits: {@code 0}/{@code
 * 1} fixed bits, {@code -} bits the instruction ignores, {@code name:N} an unsigned field, {@code name:sN} a
 * sign-extended one, {@code name:N!=0} a field whose all-zero value belongs to another line; then, in any order,
 * {@code &Template} (the argument record), {@code name=V} (a constant argument), {@code ?check} (a static
 * boolean method of {@code Constraints} that takes the record: false means unallocated) and {@code fpcr} (the
 * result depends on FPCR). A name may have several lines (as QEMU splits 32- and 64-bit layouts), all with the
 * same template. Lines must not overlap.
 */
public final class DecodeTree {
  private static final Pattern FIELD = Pattern.compile("([a-zA-Z][a-zA-Z0-9]*):(s?)(\\d+)(!=0)?");
  private static final Pattern CONST = Pattern.compile("([a-zA-Z][a-zA-Z0-9]*)=(\\d+)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** An argument template: the record of the named int fields its instructions' lifting methods take. */
  public record Template(String name, List<String> fields, String where) {}

  /** A field of a line: {@code width} bits whose lowest is {@code shift}. */
  public record Field(String name, int shift, int width, boolean signed, boolean nonzero) {
    int mask() {
      return (int) (((1L << width) - 1) << shift);
    }
  }

  /** One encoding line. */
  public record Line(String name, int mask, int value, List<Field> fields, Map<String, Integer> constants,
      String template, String check, boolean fpcr, String semantics, String where) {
    boolean matches(int word) {
      return (word & mask) == value;
    }

    boolean overlaps(Line other) {
      int common = mask & other.mask;
      return (value & common) == (other.value & common) && !excludedBy(other) && !other.excludedBy(this);
    }

    /** Whether one of this line's nonzero fields is all zero in every word of {@code other}. */
    private boolean excludedBy(Line other) {
      return fields.stream().anyMatch(f -> f.nonzero() && (other.mask & f.mask()) == f.mask()
          && (other.value & f.mask()) == 0);
    }
  }

  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final List<Line> lines = new ArrayList<>();

  public Map<String, Template> templates() {
    return templates;
  }

  public List<Line> lines() {
    return lines;
  }

  /** The instruction names in table order, each once. */
  public Set<String> instructions() {
    Set<String> names = new LinkedHashSet<>();
    lines.forEach(l -> names.add(l.name()));
    return names;
  }

  /** Parses one file's text into this table; errors name the file and line. */
  public DecodeTree parse(String text, String source) {
    String semantics = null;
    String[] rows = text.split("\n", -1);
    for (int i = 0; i < rows.length; i++) {
      String where = source + ":" + (i + 1);
      String row = rows[i].replaceAll("#.*", "").strip();
      if (row.isEmpty()) {
        continue;
      }
      String[] tokens = row.split("\\s+");
      if (tokens[0].startsWith("&")) {
        addTemplate(tokens, where);
      } else if (tokens[0].equals("class")) {
        if (tokens.length != 2 || !NAME.matcher(tokens[1]).matches()) {
          throw new DecodeTableException(where + ": expected 'class ClassName'");
        }
        semantics = tokens[1];
      } else {
        if (semantics == null) {
          throw new DecodeTableException(where + ": instruction " + tokens[0] + " comes before any 'class' line");
        }
        lines.add(parseLine(tokens, semantics, where));
      }
    }
    return this;
  }

  /** Checks what needs the whole table: templates exist and fit their lines, names agree, nothing overlaps. */
  public DecodeTree check() {
    Map<String, Line> first = new LinkedHashMap<>();
    for (Line line : lines) {
      Line earlier = first.putIfAbsent(line.name(), line);
      if (earlier != null && (!earlier.template().equals(line.template())
          || !earlier.semantics().equals(line.semantics()) || earlier.fpcr() != line.fpcr())) {
        throw new DecodeTableException(line.where() + ": " + line.name() + " differs from its line at "
            + earlier.where() + " in template, class or fpcr");
      }
      if (line.template().isEmpty()) {
        if (!line.fields().isEmpty() || !line.constants().isEmpty()) {
          throw new DecodeTableException(line.where() + ": " + line.name() + " has fields but no &Template");
        }
        continue;
      }
      Template t = templates.get(line.template());
      if (t == null) {
        throw new DecodeTableException(line.where() + ": unknown template &" + line.template());
      }
      Set<String> given = new LinkedHashSet<>();
      line.fields().forEach(f -> given.add(f.name()));
      given.addAll(line.constants().keySet());
      if (!given.equals(new LinkedHashSet<>(t.fields())) || given.size() != t.fields().size()) {
        throw new DecodeTableException(line.where() + ": " + line.name() + " gives " + given + " but &" + t.name()
            + " (" + t.where() + ") has " + t.fields());
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      for (int j = i + 1; j < lines.size(); j++) {
        if (lines.get(i).overlaps(lines.get(j))) {
          throw new DecodeTableException(lines.get(j).where() + ": " + lines.get(j).name() + " overlaps "
              + lines.get(i).name() + " (" + lines.get(i).where() + ")");
        }
      }
    }
    return this;
  }

  private void addTemplate(String[] tokens, String where) {
    String name = tokens[0].substring(1);
    if (!NAME.matcher(name).matches() || !Character.isUpperCase(name.charAt(0))) {
      throw new DecodeTableException(where + ": a template is '&Name field...', its name capitalised");
    }
    List<String> fields = List.of(tokens).subList(1, tokens.length);
    if (new LinkedHashSet<>(fields).size() != fields.size()) {
      throw new DecodeTableException(where + ": template &" + name + " repeats a field");
    }
    if (templates.putIfAbsent(name, new Template(name, fields, where)) != null) {
      throw new DecodeTableException(where + ": template &" + name + " is defined twice");
    }
  }

  private static Line parseLine(String[] tokens, String semantics, String where) {
    if (!NAME.matcher(tokens[0]).matches()) {
      throw new DecodeTableException(where + ": bad instruction name '" + tokens[0] + "'");
    }
    int bit = 32;
    int mask = 0;
    int value = 0;
    List<Field> fields = new ArrayList<>();
    Map<String, Integer> constants = new LinkedHashMap<>();
    String template = "";
    String check = null;
    boolean fpcr = false;
    for (int t = 1; t < tokens.length; t++) {
      String token = tokens[t];
      Matcher field = FIELD.matcher(token);
      Matcher constant = CONST.matcher(token);
      if (field.matches()) {
        int width = Integer.parseInt(field.group(3));
        bit -= width;
        if (fields.stream().anyMatch(f -> f.name().equals(field.group(1)))) {
          throw new DecodeTableException(where + ": field " + field.group(1) + " appears twice");
        }
        fields.add(new Field(field.group(1), bit, width, !field.group(2).isEmpty(), field.group(4) != null));
      } else if (token.matches("[01-]+")) {
        for (char c : token.toCharArray()) {
          bit--;
          if (c != '-') {
            mask |= 1 << bit;
            value |= (c - '0') << bit;
          }
        }
      } else if (token.startsWith("&")) {
        template = token.substring(1);
      } else if (token.startsWith("?") && NAME.matcher(token.substring(1)).matches()) {
        check = token.substring(1);
      } else if (token.equals("fpcr")) {
        fpcr = true;
      } else if (constant.matches()) {
        constants.put(constant.group(1), Integer.parseInt(constant.group(2)));
      } else {
        throw new DecodeTableException(where + ": bad token '" + token + "'");
      }
      if (bit < 0) {
        throw new DecodeTableException(where + ": " + tokens[0] + " has more than 32 bits");
      }
    }
    if (bit != 0) {
      throw new DecodeTableException(where + ": " + tokens[0] + "'s bits add up to " + (32 - bit) + ", not 32");
    }
    return new Line(tokens[0], mask, value, List.copyOf(fields), Map.copyOf(constants), template, check, fpcr,
        semantics, where);
  }
}
