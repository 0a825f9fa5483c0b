package dev.chatinfo.transport.jdk;

import dev.chatinfo.client.spi.HttpResponse;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDK response as chatinfo's {@link HttpResponse}: the body streamed from the JDK's
 * {@code ofInputStream()} subscriber, gzip decoded on the way when the server sent it so.
 */
final class JdkResponse implements HttpResponse {

  private final java.net.http.HttpResponse<InputStream> response;
  private final JdkExchange exchange;
  private final boolean gzip;
  private final BodyStream body;
  private final AtomicBoolean closed = new AtomicBoolean();

  JdkResponse(java.net.http.HttpResponse<InputStream> response, JdkExchange exchange) {
    this.response = response;
    this.exchange = exchange;
    this.gzip = response.headers().firstValue("Content-Encoding")
        .map(encoding -> encoding.trim().equalsIgnoreCase("gzip") || encoding.trim().equalsIgnoreCase("x-gzip"))
        .orElse(false);
    this.body = new BodyStream(response.body(), gzip);
  }

  @Override
  public int statusCode() {
    return response.statusCode();
  }

  @Override
  public String protocol() {
    return response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
  }

  /**
   * {@inheritDoc} When the body is gzip decoded, {@code Content-Encoding} and
   * {@code Content-Length} are absent: they describe the bytes on the wire, not the body read.
   */
  @Override
  public Optional<String> header(String name) {
    if (gzip && (name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("Content-Length"))) {
      return Optional.empty();
    }
    return response.headers().firstValue(name);
  }

  @Override
  public InputStream body() {
    return body;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      body.close();
      exchange.finish();
    }
  }

  /** From any thread: fails a read in progress and every later one, and releases the connection. */
  void abort() {
    body.abort();
    if (closed.compareAndSet(false, true)) {
      exchange.finish();
    }
  }

  @Override
  public String toString() {
    return "JdkResponse[" + statusCode() + " " + protocol() + "]";
  }
}
