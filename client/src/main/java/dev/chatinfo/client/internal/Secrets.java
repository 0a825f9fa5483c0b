package dev.chatinfo.client.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The tokens one call has sent, and the masking of every text the call shows: no run of
 * {@value #MIN_LEAK} or more characters of a sent token survives, wherever it stands and however
 * the text was cut (an echo of a token's prefix is masked too). Also makes every text one line.
 * Thread-safe: a call's tokens are added on its own threads and read by {@code close()}.
 */
public final class Secrets {

  /** The shortest run of a token that counts as a leak. */
  static final int MIN_LEAK = 8;
  static final String MASK = "****";

  private static final String[] NONE = {};

  /** Replaced, never changed: a call sends one token, two after a refresh. */
  private volatile String[] tokens = NONE;

  /**
   * Remembers a token that this call sends (or may send).
   *
   * @param token the token
   */
  public synchronized void add(String token) {
    if (token == null || token.isEmpty()) {
      return;
    }
    String[] known = tokens;
    for (String t : known) {
      if (t.equals(token)) {
        return;
      }
    }
    String[] more = Arrays.copyOf(known, known.length + 1);
    more[known.length] = token;
    tokens = more;
  }

  /**
   * The text on one line (control characters and line breaks become one space), with every run
   * of 8 or more characters of a sent token, and every whole sent token, replaced by {@code ****}.
   *
   * @param text any text, may be null
   * @return the safe text; empty for null
   */
  public String mask(String text) {
    if (text == null) {
      return "";
    }
    String line = oneLine(text);
    String[] known = tokens;
    if (known.length == 0) {
      return line;
    }
    boolean[] hidden = new boolean[line.length()];
    boolean any = false;
    for (String token : known) {
      any |= mark(line, token, hidden);
    }
    if (!any) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      if (!hidden[i]) {
        out.append(line.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  /**
   * Whether the text holds a run of a sent token that {@link #mask(String)} would hide.
   *
   * @param text any text, may be null
   * @return whether it leaks
   */
  public boolean leaks(String text) {
    String[] known = tokens;
    if (text == null || known.length == 0) {
      return false;
    }
    boolean[] hidden = new boolean[text.length()];
    boolean any = false;
    for (String token : known) {
      any |= mark(text, token, hidden);
    }
    return any;
  }

  private static boolean mark(String text, String token, boolean[] hidden) {
    boolean any = false;
    if (token.length() < MIN_LEAK) {
      for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
        for (int i = at; i < at + token.length(); i++) {
          hidden[i] = true;
        }
        any = true;
      }
      return any;
    }
    Set<String> runs = new HashSet<>();
    for (int i = 0; i + MIN_LEAK <= token.length(); i++) {
      runs.add(token.substring(i, i + MIN_LEAK));
    }
    for (int i = 0; i + MIN_LEAK <= text.length(); i++) {
      if (runs.contains(text.substring(i, i + MIN_LEAK))) {
        for (int j = i; j < i + MIN_LEAK; j++) {
          hidden[j] = true;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * The text on one line: CR, LF, tabs and other control characters become a single space, and
   * the ends are trimmed.
   *
   * @param text the text
   * @return one line
   */
  public static String oneLine(String text) {
    int first = 0;
    while (first < text.length() && !isControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text.strip();
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    boolean space = false;
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        space = true;
        continue;
      }
      boolean afterSpace = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
      if (space && out.length() > 0 && !afterSpace) {
        out.append(' ');
        afterSpace = true;
      }
      space = false;
      if (c != ' ' || !afterSpace) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /**
   * The throwable as it may be kept as a cause: itself when no message in its chain leaks a
   * token or spans lines; otherwise a copy of the chain with masked one-line messages and the
   * same stack traces.
   *
   * @param t a throwable, may be null
   * @return the safe throwable, or null
   */
  public Throwable scrub(Throwable t) {
    if (t == null || isClean(t)) {
      return t;
    }
    return copy(t, 0);
  }

  private boolean isClean(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && (leaks(m) || !m.equals(oneLine(m)))) {
        return false;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return true;
  }

  private Throwable copy(Throwable t, int depth) {
    MaskedCause copy = new MaskedCause(t.getClass().getName()
        + (t.getMessage() == null ? "" : ": " + mask(t.getMessage())),
        t.getCause() == null || t.getCause() == t || depth > 16 ? null : copy(t.getCause(), depth + 1));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** A cause whose original message leaked a token or spanned lines: its class name and masked message. */
  static final class MaskedCause extends Exception {
    private static final long serialVersionUID = 1L;

    MaskedCause(String message, Throwable cause) {
      super(message, cause, false, true);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
