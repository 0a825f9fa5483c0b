package dev.chatinfo.transport.retrofit.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that sees each hop before OkHttp acts on it:
 * <ul>
 *   <li>a redirect to another origin (scheme, host or port) is refused before OkHttp follows it, so
 *       no request, with or without credentials, ever reaches the other host;</li>
 *   <li>a 503 with {@code Retry-After: 0} is handed to chatinfo's retry policy instead of OkHttp's
 *       silent immediate repeat, so each attempt is exactly one request: the header is moved to
 *       {@link #RETRY_AFTER_ZERO}, which the source reads as {@code Retry-After: 0}.</li>
 * </ul>
 */
public final class OriginGuardInterceptor implements Interceptor {

  /** Where a {@code Retry-After: 0} of a 503 is kept, out of OkHttp's sight. */
  public static final String RETRY_AFTER_ZERO = "X-Chatinfo-Retry-After";

  private final HttpUrl origin;

  /**
   * @param origin the configured base URL; only its scheme, host and port matter
   */
  public OriginGuardInterceptor(HttpUrl origin) {
    this.origin = origin;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isRedirect()) {
      String location = response.header("Location");
      HttpUrl target = location == null ? null : response.request().url().resolve(location);
      if (target == null || !sameOrigin(target)) {
        response.close();
        throw new RedirectRefusedException(response.code(),
            target == null ? "an unusable Location" : target.scheme() + "://" + target.host() + ":" + target.port());
      }
    }
    if (response.code() == 503 && "0".equals(trimmed(response.header("Retry-After")))) {
      return response.newBuilder().removeHeader("Retry-After").header(RETRY_AFTER_ZERO, "0").build();
    }
    return response;
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme()) && url.host().equals(origin.host()) && url.port() == origin.port();
  }

  private static String trimmed(String s) {
    return s == null ? null : s.strip();
  }
}
