package dev.chatinfo.api;

/** ASCII-only matching of wire values: locale-independent, no Unicode case folding. */
final class AsciiMatch {

  private AsciiMatch() {}

  /** True if {@code raw}, less leading and trailing ASCII whitespace, equals {@code lower} ignoring ASCII case. */
  static boolean matches(String raw, String lower) {
    int start = 0;
    int end = raw.length();
    while (start < end && isSpace(raw.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(raw.charAt(end - 1))) {
      end--;
    }
    if (end - start != lower.length()) {
      return false;
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = raw.charAt(start + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
