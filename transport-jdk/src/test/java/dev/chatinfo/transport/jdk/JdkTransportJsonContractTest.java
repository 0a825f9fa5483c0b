package dev.chatinfo.transport.jdk;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;

/**
 * The testkit's source contract, every case: ChatInfoClient over JdkTransport, reading JSON. The
 * JSON codec is a small test-only one ({@link MiniJsonCodec}): chatinfo-codec-json brings Moshi and
 * Kotlin, which this module keeps off every class path, tests included. The same run with the
 * Moshi codec belongs where both are on the class path (the examples).
 */
class JdkTransportJsonContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, java.time.Duration callTimeout) {
    return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).callTimeout(callTimeout).transport(JdkTransport.create())
        .codec(new MiniJsonCodec()).build();
  }

  /**
   * java.net.http sends a GET once more by itself, at once and on a new connection, when its
   * connection ends before any byte of an answer, and has no setting to stop it: each attempt of the
   * engine is then two requests on the wire (see the README, "Choosing a transport").
   */
  @Override
  protected int requestsPerUnansweredAttempt() {
    return 2;
  }
}
