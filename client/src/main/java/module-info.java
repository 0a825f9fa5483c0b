/**
 * chatinfo's call engine: {@link dev.chatinfo.client.ChatInfoClient}, the one
 * {@link dev.chatinfo.api.ChatInfoSource} users build. It owns every rule of a call (URL and
 * headers, the token and its single-flight refresh, attempts, Resilience4j retry outside the
 * circuit breaker, the whole-call deadline on monotonic time, redirects, the 1 MiB body limit,
 * codec choice by {@code Content-Type}, status to kind, messages) and hands one HTTP exchange at a
 * time to a pluggable {@link dev.chatinfo.client.spi.HttpTransport}, found through
 * {@link java.util.ServiceLoader} as a {@link dev.chatinfo.client.spi.HttpTransportProvider}.
 *
 * <p>No HTTP library, no Kotlin: transports are separate modules ({@code dev.chatinfo.transport.jdk},
 * {@code dev.chatinfo.transport.retrofit}).
 */
module dev.chatinfo.client {
  requires transitive dev.chatinfo.api;
  requires transitive io.github.resilience4j.core;
  requires transitive io.github.resilience4j.retry;
  requires transitive io.github.resilience4j.circuitbreaker;

  exports dev.chatinfo.client;
  exports dev.chatinfo.client.spi;

  uses dev.chatinfo.api.codec.ChatInfoCodec;
  uses dev.chatinfo.client.spi.HttpTransportProvider;
}
