package dev.chatinfo.testkit.reference;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Proves the source contract can be kept, and can be tailored: a tiny JDK HttpClient source passes
 * its core (fetching, the request, statuses and retries, the 401 refresh, messages, interrupts,
 * close()); the engine's duties it does not take on (redirects, body limit, circuit breaker,
 * Retry-After in full, masking, cancellation that hangs up) are disabled here, one by one, with the
 * reason. The real proof of the whole contract is each transport's run of it with ChatInfoClient.
 */
class JdkHttpChatInfoSourceContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
    return new JdkHttpChatInfoSource(baseUrl, tokens, callTimeout);
  }

  // No redirect followed, no origin check.

  @Override
  @Test
  @Disabled("toy reference: no redirect followed, no origin check")
  public void followsARedirectWithinTheSameOrigin() {}

  @Override
  @Test
  @Disabled("toy reference: no redirect followed, no origin check")
  public void aRedirectToAnotherOriginIsRefusedAndNothingReachesIt() {}

  @Override
  @Test
  @Disabled("toy reference: no redirect followed, no origin check")
  public void aSameOriginRedirectLoopIsARedirectFailure() {}

  // No circuit breaker.

  @Override
  @Test
  @Disabled("toy reference: no circuit breaker")
  public void theCallDuringWhichTheCircuitOpensReportsItsRealFailure() {}

  // No single-flight token refresh.

  @Override
  @Test
  @Disabled("toy reference: no single-flight token refresh")
  public void concurrent401sShareOneRefresh() {}

  // The JDK HttpClient repeats a GET whose connection closed before any answer.

  @Override
  @Test
  @Disabled("toy reference: the JDK HttpClient repeats a GET whose connection closed before any answer")
  public void aConnectionClosedWithoutAnAnswerIsANetworkFailure() {}

  // No body size limit.

  @Override
  @Test
  @Disabled("toy reference: no body size limit")
  public void aGzipBombIsTooLarge() {}

  @Override
  @Test
  @Disabled("toy reference: no body size limit")
  public void a2MiBErrorBodyIsTooLarge() {}

  @Override
  @Test
  @Disabled("toy reference: no body size limit")
  public void a2MiBBodyIsTooLarge() {}

  // TLS failures are retried like any connection failure.

  @Override
  @Test
  @Disabled("toy reference: TLS failures are retried like any connection failure")
  public void anUntrustedCertificateIsRefusedOnceAndNotRetried() {}

  // A body failure is not told apart from a malformed body.

  @Override
  @Test
  @Disabled("toy reference: a body failure is not told apart from a malformed body")
  public void disconnectsMidBodyAreRetriedThenReportedAsNetwork() {}

  @Override
  @Test
  @Disabled("toy reference: a body failure is not told apart from a malformed body")
  public void aTruncatedBodyIsMalformed() {}

  // Only a per-request timeout, no whole-call deadline.

  @Override
  @Test
  @Disabled("toy reference: only a per-request timeout, no whole-call deadline")
  public void aTrickledBodyEndsAtTheCallTimeout() {}

  @Override
  @Test
  @Disabled("toy reference: only a per-request timeout, no whole-call deadline")
  public void givesUpAtOnceWhenRetryAfterIsBeyondTheCallTimeout() {}

  // Retry-After only in seconds, capped at 2 s, never reported.

  @Override
  @Test
  @Disabled("toy reference: Retry-After only in seconds, capped at 2 s, never reported")
  public void asyncCallsWithAnOverflowingRetryAfterThrowNothingOnAnyThread() {}

  @Override
  @Test
  @Disabled("toy reference: Retry-After only in seconds, capped at 2 s, never reported")
  public void aRetryAfterOfZeroSendsOneRequestPerAttempt() {}

  @Override
  @Test
  @Disabled("toy reference: Retry-After only in seconds, capped at 2 s, never reported")
  public void honoursRetryAfterAsAnHttpDate() {}

  @Override
  @Test
  @Disabled("toy reference: Retry-After only in seconds, capped at 2 s, never reported")
  public void aRetryAfterBeyondTheCapIsTheCap() {}

  // No masking: its messages and causes show what the server sent.

  @Override
  @Test
  @Disabled("toy reference: no masking: its messages and causes show what the server sent")
  public void aTokenEchoedInTheStatusLineIsNotShown() {}

  @Override
  @Test
  @Disabled("toy reference: no masking: its messages and causes show what the server sent")
  public void aTokenEchoedInTheContentTypeIsNotShown() {}

  @Override
  @Test
  @Disabled("toy reference: no masking: its messages and causes show what the server sent")
  public void aTokenEchoedInAFieldOfA200BodyIsNotShown() {}

  // The JDK 17 HttpClient cannot be closed: its selector thread and pooled connections outlive close().

  @Override
  @Test
  @Disabled("toy reference: the JDK 17 HttpClient cannot be closed: its selector thread and pooled connections outlive close()")
  public void closeReleasesTheSourcesThreads() {}

  @Override
  @Test
  @Disabled("toy reference: the JDK 17 HttpClient cannot be closed: its selector thread and pooled connections outlive close()")
  public void closeLeavesNoConnectionOpen() {}

  // An async call is a blocking fetch on a pool thread; completing its future does not abort it.

  @Override
  @Test
  @Disabled("toy reference: an async call is a blocking fetch on a pool thread; completing its future does not abort it")
  public void cancellingTheFutureClosesItsConnection() {}

  @Override
  @Test
  @Disabled("toy reference: an async call is a blocking fetch on a pool thread; completing its future does not abort it")
  public void aFutureThatTimesOutClosesItsConnection() {}

  @Override
  @Test
  @Disabled("toy reference: an async call is a blocking fetch on a pool thread; completing its future does not abort it")
  public void aFutureCompletedFromOutsideClosesItsConnection() {}
}
