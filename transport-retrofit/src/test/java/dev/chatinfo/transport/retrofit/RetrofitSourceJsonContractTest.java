package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;

/** The testkit's source contract, kept over JSON. */
class RetrofitSourceJsonContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens) {
    return RetrofitChatInfoSource.builder().baseUrl(baseUrl).bearerToken(tokens).codec(new MoshiChatInfoCodec()).build();
  }

  @Override
  protected boolean isSharedInfrastructure(Thread thread) {
    return SharedThreads.isOkHttpInfrastructure(thread);
  }
}
