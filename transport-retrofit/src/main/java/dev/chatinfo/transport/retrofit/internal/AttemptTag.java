package dev.chatinfo.transport.retrofit.internal;

/**
 * Rides on each attempt's OkHttp request (a request tag) so that interceptors can tell the source
 * the HTTP status even when the body fails later (a converter error, a body too large).
 */
public final class AttemptTag {

  private volatile int status;

  /**
   * The status of the response, 0 until there is one.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Records the status of the response.
   *
   * @param status the status
   */
  public void status(int status) {
    this.status = status;
  }
}
