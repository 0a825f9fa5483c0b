package dev.chatinfo.transport.retrofit.internal;

import java.io.IOException;

/** A redirect to another origin: refused, so that credentials never leave the configured host. */
public final class RedirectRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the 3xx status
   * @param target where it pointed (scheme, host and port only), or a note when there was no usable Location
   */
  public RedirectRefusedException(int status, String target) {
    super("redirected (" + status + ") to " + target + ", another origin than the configured one: refused");
    this.status = status;
  }

  /**
   * The redirect's status.
   *
   * @return the 3xx status
   */
  public int status() {
    return status;
  }
}
