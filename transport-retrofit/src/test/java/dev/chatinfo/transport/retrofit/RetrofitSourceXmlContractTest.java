package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;
import java.time.Duration;

/** The testkit's source contract, kept over XML. */
class RetrofitSourceXmlContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
    return RetrofitChatInfoSource.builder().baseUrl(baseUrl).bearerToken(tokens).callTimeout(callTimeout)
        .codec(new SimpleXmlChatInfoCodec()).build();
  }

  @Override
  protected boolean isSharedInfrastructure(Thread thread) {
    return SharedThreads.isOkHttpInfrastructure(thread);
  }
}
