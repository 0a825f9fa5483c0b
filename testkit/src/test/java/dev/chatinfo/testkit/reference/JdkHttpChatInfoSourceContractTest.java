package dev.chatinfo.testkit.reference;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.testkit.contract.ChatInfoSourceContract;
import java.net.URI;
import java.time.Duration;

/** Proves the source contract can be kept: a tiny JDK HttpClient source passes it. */
class JdkHttpChatInfoSourceContractTest extends ChatInfoSourceContract {

  @Override
  protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
    return new JdkHttpChatInfoSource(baseUrl, tokens, callTimeout);
  }
}
