package dev.chatinfo.api;

/**
 * Checks on the text a {@link ChatInfo} carries. Every value must be writable by both wire
 * formats, so characters that XML 1.0 cannot carry (control characters other than tab, line feed
 * and carriage return, unpaired surrogates, U+FFFE and U+FFFF) and texts longer than
 * {@link ChatInfo#MAX_TEXT_LENGTH} are refused.
 */
final class Text {

  private Text() {}

  static String requireWireSafe(String what, String value) {
    if (value.length() > ChatInfo.MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(what + " is " + value.length() + " characters long, more than the "
          + ChatInfo.MAX_TEXT_LENGTH + " allowed");
    }
    int i = 0;
    while (i < value.length()) {
      int cp = value.codePointAt(i);
      boolean ok = cp >= 0x20 ? !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF
          : cp == '\t' || cp == '\n' || cp == '\r';
      if (!ok) {
        throw new IllegalArgumentException(what + " contains a character no XML document can carry ("
            + String.format("U+%04X", cp) + ") at index " + i);
      }
      i += Character.charCount(cp);
    }
    return value;
  }
}
