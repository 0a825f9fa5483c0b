package dev.chatinfo.client.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body as a codec reads it: refused past the limit while streaming (never buffered),
 * and remembering the first failure of the stream beneath, so that the call can tell a broken
 * or cancelled read from a malformed body whatever the codec made of it. Not thread-safe.
 */
public final class LimitedBody extends InputStream {

  /** Thrown when the body passes the limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("the body is larger than " + limit + " bytes");
    }
  }

  private final InputStream in;
  private final long limit;
  private long count;
  private TooLargeException tooLarge;
  private IOException readFailure;

  /**
   * @param in the body as the transport gives it (decompressed)
   * @param limit the most bytes to read
   */
  public LimitedBody(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (tooLarge != null) {
      throw tooLarge;
    }
    if (len == 0) {
      return 0;
    }
    int n;
    try {
      // Ask one byte past the limit at most, to notice a body that is too large.
      n = in.read(b, off, (int) Math.min(len, limit - count + 1));
    } catch (IOException e) {
      if (readFailure == null) {
        readFailure = e;
      }
      throw e;
    } catch (RuntimeException e) {
      IOException wrapped = new IOException(e.getClass().getName() + ": " + e.getMessage(), e);
      if (readFailure == null) {
        readFailure = wrapped;
      }
      throw wrapped;
    }
    if (n > 0) {
      count += n;
      if (count > limit) {
        tooLarge = new TooLargeException(limit);
        throw tooLarge;
      }
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    try {
      return in.available();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Whether the body passed the limit.
   *
   * @return true once a read went past it
   */
  public boolean tooLarge() {
    return tooLarge != null;
  }

  /**
   * The first failure of the stream beneath, if any.
   *
   * @return the failure, or null
   */
  public IOException readFailure() {
    return readFailure;
  }
}
