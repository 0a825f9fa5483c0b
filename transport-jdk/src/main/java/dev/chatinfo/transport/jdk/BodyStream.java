package dev.chatinfo.transport.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/**
 * The body as the caller reads it: the JDK's stream, gzip decoded on the way when the response says
 * so, never buffered whole. {@link #abort()} may come from any thread: it closes the JDK's stream,
 * which wakes a read blocked on the network and releases the connection, and fails every read after
 * it, even one the decoder could still answer from the bytes it holds.
 */
final class BodyStream extends InputStream {

  private static final int GZIP_BUFFER = 8192;

  private final InputStream wire;
  private final boolean gzip;
  /** The stream to read: {@code wire}, or the decoder made at the first read. */
  private InputStream decoded;
  private volatile boolean aborted;
  private boolean closed;

  BodyStream(InputStream wire, boolean gzip) {
    this.wire = wire;
    this.gzip = gzip;
  }

  @Override
  public int read() throws IOException {
    InputStream in = open();
    int b = in.read();
    checkNotAborted();
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    InputStream in = open();
    int n = in.read(buffer, offset, length);
    checkNotAborted();
    return n;
  }

  @Override
  public int available() throws IOException {
    if (closed || aborted || decoded == null) {
      return 0;
    }
    return decoded.available();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(decoded);
    closeQuietly(wire);
  }

  void abort() {
    aborted = true;
    // Only the JDK's stream: it is safe to close from another thread (a decoder is not).
    closeQuietly(wire);
  }

  private InputStream open() throws IOException {
    if (closed) {
      throw new IOException("body closed");
    }
    checkNotAborted();
    if (decoded == null) {
      decoded = gzip ? gunzip(wire) : wire;
    }
    return decoded;
  }

  /** A gzip decoder, or an empty stream for an empty body (as a 204 or a HEAD may have). */
  private static InputStream gunzip(InputStream wire) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(wire, 1);
    int first = peek.read();
    if (first < 0) {
      return InputStream.nullInputStream();
    }
    peek.unread(first);
    return new GZIPInputStream(peek, GZIP_BUFFER);
  }

  private void checkNotAborted() throws IOException {
    if (aborted) {
      throw new IOException("exchange cancelled");
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException e) {
      // Closing only releases the connection; there is nothing to report.
    }
  }
}
