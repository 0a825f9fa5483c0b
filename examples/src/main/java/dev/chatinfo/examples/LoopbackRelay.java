package dev.chatinfo.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards every TCP connection accepted on a loopback port to another loopback port, byte for
 * byte, both ways: {@code chatinfo serve --port N} puts the testkit's fake server, which always
 * takes a free port, on N. A connection ends, both sides closed, when either side ends it.
 */
final class LoopbackRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;

  private LoopbackRelay(ServerSocket listener, int target) {
    this.listener = listener;
    this.target = target;
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread t = new Thread(task, "chatinfo-relay-" + listener.getLocalPort() + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    threads.execute(this::accept);
  }

  /**
   * Listens on 127.0.0.1:{@code port} and relays to 127.0.0.1:{@code target}.
   *
   * @param port the port to listen on
   * @param target the port to relay to
   * @return the running relay
   * @throws UncheckedIOException when the port cannot be bound (in use, or not allowed)
   */
  static LoopbackRelay start(int port, int target) {
    try {
      ServerSocket listener = new ServerSocket();
      try {
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      } catch (IOException e) {
        listener.close();
        throw e;
      }
      return new LoopbackRelay(listener, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream;
        try {
          upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        } catch (IOException e) {
          client.close();
          continue;
        }
        for (Socket s : new Socket[] {client, upstream}) {
          s.setTcpNoDelay(true);
          open.add(s);
        }
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
      } catch (IOException e) {
        // Closed: the loop ends. Otherwise one failed accept ends no other connection.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // A reset, or the other direction or the relay closed the sockets: the connection ends.
    } finally {
      close(from);
      close(to);
    }
  }

  private void close(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is all that is left to do.
    }
  }

  /** Stops listening and ends every relayed connection. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing is all that is left to do.
    }
    open.forEach(this::close);
    threads.shutdownNow();
  }
}
