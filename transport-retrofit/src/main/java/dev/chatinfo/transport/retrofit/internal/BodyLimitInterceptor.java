package dev.chatinfo.transport.retrofit.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * An application interceptor (so it sees bodies after OkHttp's transparent gzip decompression) that
 * refuses any body, success or error, larger than a limit: at once when Content-Length says so,
 * otherwise as soon as the limit is passed while streaming. Nothing is buffered whole, so a gzip bomb
 * stops at the limit. It also records the status on the request's {@link AttemptTag}.
 */
public final class BodyLimitInterceptor implements Interceptor {

  private final long limit;

  /**
   * @param limit the largest body accepted, in bytes
   */
  public BodyLimitInterceptor(long limit) {
    this.limit = limit;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    AttemptTag tag = chain.request().tag(AttemptTag.class);
    if (tag != null) {
      tag.status(response.code());
    }
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    long announced = body.contentLength();
    if (announced > limit) {
      response.close();
      throw new ResponseTooLargeException(limit, announced);
    }
    return response.newBuilder().body(new LimitedBody(body, limit)).build();
  }

  /** The body, counting what is read. */
  private static final class LimitedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    LimitedBody(ResponseBody delegate, long limit) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        private long total;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          long read = super.read(sink, byteCount);
          if (read > 0) {
            total += read;
            if (total > limit) {
              throw new ResponseTooLargeException(limit, -1);
            }
          }
          return read;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
