package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;

/** The testkit's source contract: ChatInfoClient over RetrofitTransport, reading Json. */
class RetrofitTransportJsonContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens) {
    return ChatInfoClient.builder().baseUrl(baseUrl).bearerToken(tokens).transport(RetrofitTransport.create())
        .codec(new MoshiChatInfoCodec()).build();
  }

  @Override
  protected boolean isSharedInfrastructure(Thread thread) {
    return SharedThreads.isOkHttpInfrastructure(thread);
  }
}
