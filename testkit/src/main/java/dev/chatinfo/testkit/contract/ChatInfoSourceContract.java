package dev.chatinfo.testkit.contract;

import dev.chatinfo.api.ChatInfoSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The one conformance test (TCK) of a {@link ChatInfoSource}: abstract JUnit 5 tests, run against
 * a {@link dev.chatinfo.testkit.FakeChatServer} and, for what it cannot fake, raw sockets on
 * 127.0.0.1 (never a mock). Extend it, build your source in {@code createSource}, and every case
 * runs against it:
 *
 * <pre>{@code
 * class MySourceTest extends ChatInfoSourceContract {
 *   @Override
 *   protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
 *     return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).callTimeout(callTimeout)
 *         .transport(MyTransport.create()).build();
 *   }
 * }
 * }</pre>
 *
 * <p>Override {@code isSharedInfrastructure(Thread)} when an HTTP library keeps process-wide
 * threads alive after {@code close()}. Every test method is public: override one (keep
 * {@code @Test} on the override) and mark it {@code @Disabled} with a reason, for what a source
 * deliberately does otherwise.
 *
 * <p>What a source must do to pass, with its default retry and circuit breaker settings:
 * <ul>
 *   <li><b>Request</b>: one {@code GET /api/account/{a}/agentSession/{s}/chat/{c}/info?v=1&NC=true}
 *       per attempt with {@code Authorization: Bearer <token>}, and {@code Accept} and
 *       {@code Content-Type} naming the same format ({@code application/json} or
 *       {@code application/xml}).</li>
 *   <li><b>Errors</b>: every row of the README's error table, with {@code httpStatus()},
 *       {@code attempts()} (the requests actually sent), {@code retryAfter()} and
 *       {@code isRetryable()} as documented; async failures are the same
 *       {@code ChatInfoException}s.</li>
 *   <li><b>Attempts</b>: at least 3 attempts for 502, 503, 504, 429 and connection failures (never
 *       for 500, other 4xx, malformed bodies, refused certificates), plus one retry after a 401
 *       when the provider gives a new token (one {@code onRejected} for concurrent 401s): at most 4
 *       requests per call.</li>
 *   <li><b>Waits</b>: well under a second each without {@code Retry-After}; {@code Retry-After} in
 *       seconds or as an HTTP-date honoured up to the call timeout, past or garbage values ignored,
 *       {@code 0}/{@code 00} never repeated by the HTTP library, values beyond one day capped to
 *       one day (never an overflow); a wait that does not fit ends the call at once.</li>
 *   <li><b>Deadline</b>: the call timeout bounds the whole call, waits and trickled bodies
 *       included.</li>
 *   <li><b>Redirects</b>: same-origin redirects followed up to a small bound (at most 6 requests),
 *       a loop is {@code REDIRECT}; nothing is ever sent to another origin.</li>
 *   <li><b>Circuit breaker</b>: opens when half of the last 10 attempts failed once 5 were made;
 *       the call during which it opens reports its last real failure and says the circuit is now
 *       open; {@code CIRCUIT_OPEN} only when nothing was sent, with a positive
 *       {@code retryAfter()}.</li>
 *   <li><b>Bodies</b>: over 1 MiB (after gzip) is {@code RESPONSE_TOO_LARGE}.</li>
 *   <li><b>Secrets and messages</b>: no 8 consecutive characters of a token sent (renewed,
 *       refreshed, 320 characters long) in any message, cause or {@code toString()}, wherever the
 *       server echoes it (error body, 200 body, status line, {@code Content-Type}); every message
 *       one line.</li>
 *   <li><b>Cancellation</b>: an interrupted {@code fetch} returns promptly with {@code CANCELLED},
 *       keeping the interrupt flag; a future cancelled, timed out or completed from outside hangs
 *       up its connection promptly.</li>
 *   <li><b>close()</b>: idempotent; fails calls in flight with {@code CANCELLED}; later calls fail
 *       without sending; no thread and no connection left.</li>
 * </ul>
 *
 * <p>Each test gets a new server and new sources, closed after it. The cases run in about a
 * minute; none sleeps where an event can be awaited, and "promptly" allows 3 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ChatInfoSourceContract extends LifecycleCases {

  /** Creates the contract. */
  protected ChatInfoSourceContract() {}
}
