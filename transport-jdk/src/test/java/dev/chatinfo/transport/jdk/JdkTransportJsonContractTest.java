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
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens) {
    return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).transport(JdkTransport.create())
        .codec(new MiniJsonCodec()).build();
  }
}
