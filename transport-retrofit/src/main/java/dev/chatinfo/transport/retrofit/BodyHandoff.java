package dev.chatinfo.transport.retrofit;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Hands the response body of one exchange to the transport, unread, whatever the status:
 * Retrofit reads a non-2xx body whole into memory before anyone sees it, so this application
 * interceptor gives Retrofit an empty body and keeps the real one for the client, which streams
 * it under its own limit. One per exchange (a request tag).
 */
final class BodyHandoff {

  private static final byte[] EMPTY = new byte[0];

  /** The application interceptor that does the hand-off for requests tagged with a {@link BodyHandoff}. */
  static final Interceptor INTERCEPTOR = chain -> {
    Response response = chain.proceed(chain.request());
    BodyHandoff handoff = chain.request().tag(BodyHandoff.class);
    ResponseBody body = response.body();
    if (handoff == null || body == null) {
      return response;
    }
    handoff.body = body;
    // Retrofit gets an empty body without a media type: nobody reads either (the client reads the
    // Content-Type header), and asking the real body for its type would parse the header again.
    return response.newBuilder().body(ResponseBody.create(EMPTY, null)).build();
  };

  private volatile ResponseBody body;

  /**
   * The real body, once the response arrived.
   *
   * @return the body
   * @throws IOException when no response body was handed off
   */
  ResponseBody take() throws IOException {
    ResponseBody b = body;
    if (b == null) {
      throw new IOException("the response has no body");
    }
    return b;
  }

  /** Closes the real body if one was handed off and nobody took charge of it. */
  void release() {
    ResponseBody b = body;
    if (b != null) {
      b.close();
    }
  }
}
