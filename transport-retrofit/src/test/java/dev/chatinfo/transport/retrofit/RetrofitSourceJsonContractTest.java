package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;
import java.time.Duration;

/** The testkit's source contract, kept over JSON. */
class RetrofitSourceJsonContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
    return RetrofitChatInfoSource.builder().baseUrl(baseUrl).bearerToken(tokens).callTimeout(callTimeout)
        .codec(new MoshiChatInfoCodec()).build();
  }

  @Override
  protected boolean isSharedInfrastructure(Thread thread) {
    return SharedThreads.isOkHttpInfrastructure(thread);
  }
}
