package dev.chatinfo.transport.jdk;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;

/**
 * The testkit's source contract, every case: ChatInfoClient over JdkTransport, reading XML with the
 * product's Simple XML codec: the Kotlin-free path of an application that reads XML.
 *
 * <p>No case is disabled. Where {@code java.net.http} differs from what a case could ask, the
 * transport gives the closest behaviour (see {@link JdkTransport}): the caller of a synchronous
 * fetch only waits on the JDK's future, so an interrupt aborts the exchange (the JDK's own
 * {@code send} does the same since Java 16); the JDK's request time-out bounds only the wait for
 * headers, so the body is bounded by the client's deadline, which cancels the exchange; on Java 17
 * an owned {@code HttpClient} cannot be closed, and its selector thread ends a few seconds after
 * the client becomes unreachable (the thread case waits with {@code System.gc()}, as it allows).
 */
class JdkTransportXmlContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, java.time.Duration callTimeout) {
    return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).callTimeout(callTimeout).transport(JdkTransport.create())
        .codec(new SimpleXmlChatInfoCodec()).build();
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
