package dev.chatinfo.testkit.contract;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A raw TCP server on 127.0.0.1 for what {@link dev.chatinfo.testkit.FakeChatServer} cannot fake:
 * answers byte for byte as given (a reason phrase, a broken status line), a peer that never
 * answers, a TLS server, a proxy that sees every connection of the client open and close. It counts
 * the connections it accepted and those still open (closed by the client, the peer, or this
 * server), so a test can see a cancelled call hang up. Threads are daemons named
 * {@code chatinfo-contract-server-*}.
 */
final class LoopbackServer implements Closeable {

  /** What to do with one accepted connection; it is closed afterwards. */
  @FunctionalInterface
  interface ConnectionHandler {
    void handle(Socket socket, LoopbackServer server) throws IOException;
  }

  /** Prefix of the names of this server's threads. */
  static final String THREAD_PREFIX = "chatinfo-contract-server-";

  private final ServerSocket socket;
  private final ConnectionHandler handler;
  private final String scheme;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger threads = new AtomicInteger();

  private LoopbackServer(ServerSocket socket, String scheme, ConnectionHandler handler) {
    this.socket = socket;
    this.scheme = scheme;
    this.handler = handler;
    daemon("accept", this::acceptLoop).start();
  }

  /** A plain server that runs {@code handler} for each connection. */
  static LoopbackServer start(ConnectionHandler handler) {
    try {
      return new LoopbackServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A server that reads each request's head and answers with the bytes {@code responder} gives for
   * it, on the same connection for as long as the client keeps it ({@code null}: hang up).
   */
  static LoopbackServer answering(UnaryOperator<String> responder) {
    return start((s, server) -> {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      String head;
      while ((head = server.readHead(in)) != null) {
        String answer = responder.apply(head);
        if (answer == null) {
          return;
        }
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    });
  }

  /** A server that reads the request and then never answers, until the client hangs up. */
  static LoopbackServer silent() {
    return start((s, server) -> {
      InputStream in = s.getInputStream();
      if (server.readHead(in) != null) {
        while (in.read() >= 0) {
          // wait for the client to go away
        }
      }
    });
  }

  /** A TLS server with the given certificate, which shakes hands and then never answers. */
  static LoopbackServer tls(SSLContext context) {
    try {
      ServerSocket ss = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new LoopbackServer(ss, "https", (s, server) -> {
        ((SSLSocket) s).startHandshake();
        InputStream in = s.getInputStream();
        if (server.readHead(in) != null) {
          while (in.read() >= 0) {
            // wait for the client to go away
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A TCP proxy to {@code target} (an http URL on loopback): bytes pass untouched both ways; the
   * client's connection closes when either side hangs up.
   */
  static LoopbackServer proxyTo(URI target) {
    return start((client, server) -> {
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.getPort())) {
        Thread back = server.daemon("pump", () -> {
          try {
            upstream.getInputStream().transferTo(client.getOutputStream());
          } catch (IOException e) {
            // the client or the upstream went away
          } finally {
            closeQuietly(client);
          }
        });
        back.start();
        try {
          client.getInputStream().transferTo(upstream.getOutputStream());
        } catch (IOException e) {
          // the client or the upstream went away
        }
      }
    });
  }

  /** The base URL, {@code http://127.0.0.1:<port>/} (https for {@link #tls}). */
  URI baseUrl() {
    return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort() + "/");
  }

  /** Connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Connections accepted and not yet closed. */
  int open() {
    return open.get();
  }

  /** The heads of the requests read so far (by {@link #answering}, {@link #silent} and {@link #tls}). */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Waits until {@code condition} holds, at most {@code max}; whether it does. */
  static boolean await(BooleanSupplier condition, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return condition.getAsBoolean();
      }
    }
    return true;
  }

  /**
   * Reads one request head (up to the empty line), records it and returns it; null at the end of
   * the stream.
   */
  String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        requests.add(text);
        return text;
      }
      if (head.size() > 64 << 10) {
        throw new IOException("request head over 64 KiB");
      }
    }
    return null;
  }

  /** The value of a header in a request head, or null. */
  static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(socket);
      sockets.forEach(LoopbackServer::closeQuietly);
    }
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      open.incrementAndGet();
      sockets.add(s);
      daemon("connection", () -> {
        try {
          handler.handle(s, this);
        } catch (IOException | RuntimeException e) {
          // the client went away or refused the handshake: what these tests provoke
        } finally {
          closeQuietly(s);
          sockets.remove(s);
          open.decrementAndGet();
        }
      }).start();
    }
  }

  private Thread daemon(String role, Runnable task) {
    Thread t = new Thread(task, THREAD_PREFIX + socket.getLocalPort() + "-" + role + "-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public String toString() {
    return "LoopbackServer[" + baseUrl() + ", accepted " + accepted + ", open " + open + "]";
  }
}
