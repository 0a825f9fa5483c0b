package dev.chatinfo.codec.json.internal;

import java.io.IOException;

/**
 * Thrown by {@link GuardedBodyInput} through Moshi's reader when the body's bytes cannot be JSON
 * chat information: invalid UTF-8, or a string or literal over the length limit. An
 * {@code IOException} so that it passes through Okio and Moshi unchanged.
 */
public final class BodyRejectedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * A rejection at a byte offset.
   *
   * @param offset the offset of the offending byte in the body
   * @param message what is wrong, naming the offset
   */
  public BodyRejectedException(long offset, String message) {
    super(message);
    this.offset = offset;
  }

  /**
   * The offset of the offending byte in the body.
   *
   * @return the byte offset, from 0
   */
  public long offset() {
    return offset;
  }
}
