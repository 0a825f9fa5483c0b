package dev.chatinfo.examples;

/**
 * Writes the program's own JSON for scripts (not the wire shape): compact for one line per event,
 * or indented by two spaces. A name whose value is null is left out. Not thread-safe.
 */
final class JsonText {

  private final StringBuilder text = new StringBuilder();
  private final String indent;
  private int depth;
  /** Whether the object or array being written has no member yet. */
  private boolean empty = true;
  /** The name of the next member, written with its value. */
  private String name;

  private JsonText(String indent) {
    this.indent = indent;
  }

  /** JSON on one line. */
  static JsonText compact() {
    return new JsonText("");
  }

  /** JSON indented by two spaces, one member per line. */
  static JsonText indented() {
    return new JsonText("  ");
  }

  JsonText beginObject() {
    return open('{');
  }

  JsonText endObject() {
    return close('}');
  }

  JsonText beginArray() {
    return open('[');
  }

  JsonText endArray() {
    return close(']');
  }

  JsonText name(String memberName) {
    this.name = memberName;
    return this;
  }

  /** A string, or nothing (the name neither) when it is null. */
  JsonText value(String value) {
    if (value == null) {
      name = null;
      return this;
    }
    member();
    string(value);
    return this;
  }

  JsonText value(long value) {
    member();
    text.append(value);
    return this;
  }

  JsonText value(boolean value) {
    member();
    text.append(value);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private JsonText open(char bracket) {
    member();
    text.append(bracket);
    depth++;
    empty = true;
    return this;
  }

  private JsonText close(char bracket) {
    depth--;
    if (!empty) {
      newLine();
    }
    text.append(bracket);
    empty = false;
    return this;
  }

  /** The separator, line break and name before a value. */
  private void member() {
    if (depth > 0) {
      if (!empty) {
        text.append(',');
      }
      newLine();
    }
    if (name != null) {
      string(name);
      text.append(indent.isEmpty() ? ":" : ": ");
      name = null;
    }
    empty = false;
  }

  private void newLine() {
    if (!indent.isEmpty()) {
      text.append('\n').append(indent.repeat(depth));
    }
  }

  private void string(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
