package dev.chatinfo.api;

/**
 * Which chat: the three path coordinates of
 * {@code /api/account/{accountId}/agentSession/{agentSessionId}/chat/{chatId}/info}.
 *
 * <p>Each part is validated on construction so that nothing a caller passes can change the
 * request path: it must be non-blank, at most 256 characters, made only of the unreserved URI
 * characters {@code [A-Za-z0-9._~-]}, and neither {@code .} nor {@code ..}. Anything else throws
 * {@link IllegalArgumentException} naming the part (the rejected value is quoted, escaped and cut
 * to 64 characters).
 *
 * <pre>{@code
 * ChatRef chat = ChatRef.of("56072331", "a1b2c3-agent-session", "H3128476291385426589-c0a8");
 * }</pre>
 *
 * @param accountId the LivePerson account (site) id
 * @param agentSessionId the agent session id returned at agent login
 * @param chatId the chat id
 */
public record ChatRef(String accountId, String agentSessionId, String chatId) {

  /** The longest part accepted. */
  public static final int MAX_PART_LENGTH = 256;

  private static final int MAX_ECHO = 64;

  /**
   * Validates the three parts.
   *
   * @throws IllegalArgumentException if a part is null, blank, too long, {@code .}/{@code ..},
   *     or contains a character outside {@code [A-Za-z0-9._~-]}
   */
  public ChatRef {
    check("accountId", accountId);
    check("agentSessionId", agentSessionId);
    check("chatId", chatId);
  }

  /**
   * Returns the reference to one chat.
   *
   * @param accountId the LivePerson account (site) id
   * @param agentSessionId the agent session id
   * @param chatId the chat id
   * @return the validated reference
   * @throws IllegalArgumentException if a part is not valid
   */
  public static ChatRef of(String accountId, String agentSessionId, String chatId) {
    return new ChatRef(accountId, agentSessionId, chatId);
  }

  private static void check(String part, String value) {
    if (value == null) {
      throw new IllegalArgumentException(part + " must not be null");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(part + " must not be empty");
    }
    if (value.length() > MAX_PART_LENGTH) {
      throw new IllegalArgumentException(part + " is " + value.length()
          + " characters long, more than the " + MAX_PART_LENGTH + " allowed: " + echo(value));
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(part + " must not be a dot segment: " + echo(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isUnreserved(c)) {
        throw new IllegalArgumentException(part + " may contain only A-Z a-z 0-9 . _ ~ -, but has "
            + describe(c) + " at index " + i + ": " + echo(value));
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '~' || c == '-';
  }

  private static String describe(char c) {
    if (c > 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  /** The value quoted, cut to 64 characters, everything outside printable ASCII escaped. */
  private static String echo(String value) {
    int n = Math.min(value.length(), MAX_ECHO);
    StringBuilder out = new StringBuilder(n + 8).append('"');
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('"');
    if (value.length() > MAX_ECHO) {
      out.append("...");
    }
    return out.toString();
  }
}
