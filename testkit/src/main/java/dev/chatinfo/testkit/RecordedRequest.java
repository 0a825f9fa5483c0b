package dev.chatinfo.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the {@link FakeChatServer} received. The value of {@code Authorization} is masked
 * everywhere, {@code toString()} included: only its scheme is kept ({@code Bearer ****}).
 *
 * @param method the HTTP method
 * @param path the raw (still percent-encoded) path
 * @param query the raw query, empty when none
 * @param headers the headers, names in lower case
 * @param time when it arrived, by the server's clock
 */
public record RecordedRequest(String method, String path, String query,
    Map<String, List<String>> headers, Instant time) {

  /** What an {@code Authorization} value is replaced with, after its scheme. */
  public static final String MASK = "****";

  /**
   * Copies the headers, lower-casing names and masking {@code Authorization}.
   */
  public RecordedRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      List<String> kept = new ArrayList<>();
      for (String value : values) {
        kept.add(lower.equals("authorization") ? mask(value) : value);
      }
      copy.merge(lower, kept, (a, b) -> {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
      });
    });
    copy.replaceAll((k, v) -> List.copyOf(v));
    headers = java.util.Collections.unmodifiableMap(copy);
    query = query == null ? "" : query;
  }

  /**
   * The first value of a header (name in any case).
   *
   * @param name the header name
   * @return the value, or empty
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * True if the request carried an {@code Authorization: Bearer ...} header (its value is masked).
   *
   * @return whether a bearer token was sent
   */
  public boolean hasBearerToken() {
    return header("Authorization").map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).orElse(false);
  }

  private static String mask(String value) {
    int space = value.indexOf(' ');
    return space < 0 ? MASK : value.substring(0, space + 1) + MASK;
  }
}
