package dev.chatinfo.codec.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: a tiny HTTP server on 127.0.0.1 that answers every request with the same body and
 * counts the connections it gets, to tell whether a parser fetched anything from the network.
 */
final class CountingHttpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger requests = new AtomicInteger();
  private final byte[] response;
  private final Thread thread;

  CountingHttpServer(String body) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.0 200 OK\r\nContent-Type: application/xml-dtd\r\nContent-Length: "
        + content.length + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    response = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
    System.arraycopy(content, 0, response, headBytes.length, content.length);
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "counting-http-server");
    thread.setDaemon(true);
    thread.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + path);
  }

  int requests() {
    return requests.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        requests.incrementAndGet();
        connection.setSoTimeout(2000);
        readRequestHead(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        out.write(response);
        out.flush();
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
