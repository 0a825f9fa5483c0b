package dev.chatinfo.transport.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for the cases a real server cannot be made to do on cue: it
 * hands each accepted connection to the test, which reads the request head, writes what it likes
 * (or nothing) and watches whether the client closes the connection.
 */
final class RawHttpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
  private final List<Connection> all = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private RawHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RawHttpServer start() {
    try {
      return new RawHttpServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  /** The next connection the client opened, waiting for it at most 10 s. */
  Connection accept() throws InterruptedException {
    Connection c = accepted.poll(10, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("the client opened no connection within 10 s");
    }
    return c;
  }

  /** Whether the client opened a connection within the given time. */
  boolean connectedWithin(Duration wait) throws InterruptedException {
    Connection c = accepted.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (c != null) {
      accepted.add(c);
    }
    return c != null;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // the test is over
    }
    for (Connection c : all) {
      c.close();
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Connection c = new Connection(socket.accept());
        all.add(c);
        accepted.add(c);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** One connection the client opened. */
  static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Reads the request line and headers, up to the blank line. */
    String readRequestHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      socket.setSoTimeout(10_000);
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the client closed the connection before the end of the request head");
        }
        head.write(b);
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    void write(String text) throws IOException {
      write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** Whether the client closed (or reset) the connection within the given time. */
    boolean closedByClientWithin(Duration wait) throws IOException {
      long deadline = System.nanoTime() + wait.toNanos();
      byte[] sink = new byte[4096];
      while (true) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
        try {
          if (in.read(sink) < 0) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          return false;
        } catch (IOException e) {
          return true;
        }
        if (System.nanoTime() > deadline) {
          return false;
        }
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // the test is over
      }
    }
  }
}
