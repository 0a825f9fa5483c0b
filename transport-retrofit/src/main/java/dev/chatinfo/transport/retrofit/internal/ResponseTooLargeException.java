package dev.chatinfo.transport.retrofit.internal;

import java.io.IOException;

/** A body went past the size limit; thrown while streaming, so nothing larger is ever buffered. */
public final class ResponseTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * @param limit the limit in bytes
   * @param announced the Content-Length announced, or -1 when the limit was hit while reading
   */
  public ResponseTooLargeException(long limit, long announced) {
    super(announced >= 0
        ? "the body announces " + announced + " bytes, more than the limit of " + limit
        : "the body is larger than the limit of " + limit + " bytes (counted after decompression)");
  }
}
