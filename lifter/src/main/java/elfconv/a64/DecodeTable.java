package elfconv.a64;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** The parsed {@code a64.decode} resource: every encoding pattern elfconv knows. */
public final class DecodeTable {
  private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("([a-zA-Z][a-zA-Z0-9]*):(\\d+)(!=0)?");
  private static final DecodeTable STANDARD = load("/elfconv/a64/a64.decode");

  private final List<Pattern> patterns;

  private DecodeTable(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  public static DecodeTable standard() {
    return STANDARD;
  }

  public List<Pattern> patterns() {
    return patterns;
  }

  static DecodeTable load(String resource) {
    try (InputStream in = DecodeTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("decode table " + resource + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read decode table " + resource, e);
    }
  }

  /** Parses table text; malformed lines and overlapping patterns are errors naming the line. */
  static DecodeTable parse(String text, String source) {
    List<Pattern> patterns = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      patterns.add(parseLine(line, source, i + 1));
    }
    checkDisjoint(patterns, source);
    return new DecodeTable(patterns);
  }

  private static Pattern parseLine(String line, String source, int lineNo) {
    String[] sides = line.split("->");
    if (sides.length != 2) {
      throw new IllegalStateException(source + ":" + lineNo + ": expected 'NAME FIELDS... -> Family'");
    }
    String[] tokens = sides[0].trim().split("\\s+");
    int bit = 32;
    int mask = 0;
    int value = 0;
    List<Pattern.Field> fields = new ArrayList<>();
    for (int t = 1; t < tokens.length; t++) {
      String token = tokens[t];
      Matcher m = FIELD.matcher(token);
      if (m.matches()) {
        int width = Integer.parseInt(m.group(2));
        bit -= width;
        fields.add(new Pattern.Field(m.group(1), bit, width, m.group(3) != null));
      } else if (token.matches("[01]+")) {
        for (char c : token.toCharArray()) {
          bit--;
          mask |= 1 << bit;
          value |= (c - '0') << bit;
        }
      } else {
        throw new IllegalStateException(source + ":" + lineNo + ": bad token '" + token + "'");
      }
    }
    if (bit != 0) {
      throw new IllegalStateException(source + ":" + lineNo + ": fields add up to " + (32 - bit) + " bits, not 32");
    }
    return new Pattern(tokens[0], mask, value, List.copyOf(fields), sides[1].trim(), lineNo);
  }

  private static void checkDisjoint(List<Pattern> patterns, String source) {
    for (int i = 0; i < patterns.size(); i++) {
      for (int j = i + 1; j < patterns.size(); j++) {
        Pattern a = patterns.get(i);
        Pattern b = patterns.get(j);
        if (a.overlaps(b)) {
          throw new IllegalStateException(source + ":" + b.line() + ": pattern " + b.name() + " overlaps "
              + a.name() + " (line " + a.line() + ")");
        }
      }
    }
  }
}
