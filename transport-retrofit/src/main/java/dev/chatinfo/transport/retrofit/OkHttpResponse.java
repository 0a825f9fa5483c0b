package dev.chatinfo.transport.retrofit;

import dev.chatinfo.client.spi.HttpResponse;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.Protocol;
import okhttp3.ResponseBody;
import retrofit2.Response;

/** A Retrofit response with the body handed off unread, as the client's {@link HttpResponse}. */
final class OkHttpResponse implements HttpResponse {

  private final Response<ResponseBody> response;
  private final ResponseBody body;

  OkHttpResponse(Response<ResponseBody> response, ResponseBody body) {
    this.response = response;
    this.body = body;
  }

  @Override
  public int statusCode() {
    return response.code();
  }

  @Override
  public String protocol() {
    Protocol p = response.raw().protocol();
    return switch (p) {
      case HTTP_2, H2_PRIOR_KNOWLEDGE -> "HTTP/2";
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      default -> p.toString();
    };
  }

  @Override
  public Optional<String> header(String name) {
    if (name.equalsIgnoreCase("Retry-After")) {
      return Optional.ofNullable(response.headers().get(RetryAfterShield.HEADER));
    }
    return Optional.ofNullable(response.headers().get(name));
  }

  @Override
  public InputStream body() {
    return body.byteStream();
  }

  @Override
  public void close() {
    body.close();
  }
}
