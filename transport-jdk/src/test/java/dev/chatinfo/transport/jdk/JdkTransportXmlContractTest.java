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
 */
class JdkTransportXmlContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens) {
    return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).transport(JdkTransport.create())
        .codec(new SimpleXmlChatInfoCodec()).build();
  }
}
