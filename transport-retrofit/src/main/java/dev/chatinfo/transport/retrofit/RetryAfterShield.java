package dev.chatinfo.transport.retrofit;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps {@code Retry-After} out of OkHttp's sight: OkHttp silently repeats a 503 whose
 * {@code Retry-After} reads as zero ({@code 0}, {@code 00}, ...), and throws
 * {@code NumberFormatException} on a value past {@code Integer.MAX_VALUE}. This network interceptor
 * moves the header to {@link #HEADER}, where {@link OkHttpResponse} reads it back for the client,
 * so that every exchange is exactly one request and the client's policy decides.
 */
final class RetryAfterShield implements Interceptor {

  /** Where a response's {@code Retry-After} is kept. */
  static final String HEADER = "X-Chatinfo-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(HEADER, retryAfter).build();
  }
}
