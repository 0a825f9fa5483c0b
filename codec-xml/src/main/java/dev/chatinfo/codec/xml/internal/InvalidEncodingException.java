package dev.chatinfo.codec.xml.internal;

import java.io.IOException;

/**
 * The body is not valid in its encoding (invalid UTF-8, say). An {@link IOException} so that the
 * XML parser passes it on, wrapped, as it does any failure of its input.
 */
final class InvalidEncodingException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure at a byte of the body.
   *
   * @param message what is wrong and where (the byte offset)
   */
  InvalidEncodingException(String message) {
    super(message);
  }
}
