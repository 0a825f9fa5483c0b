package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;

/** The testkit's source contract: ChatInfoClient over RetrofitTransport, reading Xml. */
class RetrofitTransportXmlContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens) {
    return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).transport(RetrofitTransport.create())
        .codec(new SimpleXmlChatInfoCodec()).build();
  }

  @Override
  protected boolean isSharedInfrastructure(Thread thread) {
    return SharedThreads.isOkHttpInfrastructure(thread);
  }
}
