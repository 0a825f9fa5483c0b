package dev.chatinfo.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 where the server offers it over TLS: Jetty on 127.0.0.1 offers h2 and http/1.1 by ALPN,
 * with a self-signed certificate made for the test by the JDK's keytool.
 */
@Timeout(120)
class Http2OverTlsTest {

  private static final char[] PASSWORD = "test-only".toCharArray();

  @TempDir
  static Path dir;

  private static Server server;
  private static ServerConnector connector;
  private static SSLContext trusting;
  private static final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startJetty() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", keys.getCertificate("server"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, tmf.getTrustManagers(), null);

    server = new Server();
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(new SecureRequestCustomizer(false));
    HttpConnectionFactory http11 = new HttpConnectionFactory(config);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(http11.getProtocol());
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keystore.toString());
    tls.setKeyStorePassword(new String(PASSWORD));
    tls.setKeyStoreType("PKCS12");
    connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, http11);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        seen.add(request.getConnectionMetaData().getProtocol() + " " + path + " accept-encoding="
            + request.getHeaders().get(HttpHeader.ACCEPT_ENCODING) + " authorization="
            + request.getHeaders().get(HttpHeader.AUTHORIZATION));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (path.equals("/gzip")) {
          ByteArrayOutputStream zipped = new ByteArrayOutputStream();
          try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("over h2, gzip".getBytes(StandardCharsets.UTF_8));
          }
          response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
          response.write(true, ByteBuffer.wrap(zipped.toByteArray()), callback);
        } else if (path.equals("/stall")) {
          // Some bytes, then nothing until the client gives up: the stream stays open.
          response.write(false, ByteBuffer.wrap("some".getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
        } else {
          response.write(true, ByteBuffer.wrap(("hello " + path).getBytes(StandardCharsets.UTF_8)), callback);
        }
        return true;
      }
    });
    server.start();
  }

  @AfterAll
  static void stopJetty() throws Exception {
    server.stop();
  }

  private static URI uri(String path) {
    return URI.create("https://127.0.0.1:" + connector.getLocalPort() + path);
  }

  private static HttpRequest get(String path) {
    return HttpRequest.get(uri(path), Map.of("Authorization", "Bearer t"), Duration.ofSeconds(10));
  }

  private static HttpClient trustingClient() {
    return HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_2).build();
  }

  @Test
  void speaksHttp2WhenTheServerOffersItOverTls() throws IOException {
    try (JdkTransport transport = JdkTransport.create(trustingClient());
         HttpResponse response = transport.exchange(get("/chat")).execute()) {
      assertEquals(200, response.statusCode());
      assertEquals("HTTP/2", response.protocol());
      assertEquals("text/plain; charset=utf-8", response.header("content-type").orElseThrow());
      assertEquals("hello /chat", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(seen.contains("HTTP/2.0 /chat accept-encoding=gzip authorization=Bearer t"), seen::toString);
  }

  @Test
  void decodesGzipOverHttp2() throws Exception {
    try (JdkTransport transport = JdkTransport.create(trustingClient())) {
      CompletableFuture<HttpResponse> future = transport.exchange(get("/gzip")).executeAsync();
      try (HttpResponse response = future.get(10, TimeUnit.SECONDS)) {
        assertEquals("HTTP/2", response.protocol());
        assertEquals("over h2, gzip", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void cancelReleasesABlockedReadOverHttp2() throws Exception {
    try (JdkTransport transport = JdkTransport.create(trustingClient())) {
      HttpExchange exchange = transport.exchange(get("/stall"));
      try (HttpResponse response = exchange.execute()) {
        assertEquals("HTTP/2", response.protocol());
        InputStream body = response.body();
        assertEquals('s', body.read());
        Thread reader = Thread.currentThread();
        Thread canceller = new Thread(() -> {
          while (reader.getState() == Thread.State.RUNNABLE) {
            Thread.onSpinWait();
          }
          exchange.cancel();
        });
        canceller.start();
        assertThrows(IOException.class, () -> body.readNBytes(100));
      }
    }
  }

  @Test
  void refusesAnUntrustedCertificateWithAnSslHandshakeException() {
    try (JdkTransport transport = JdkTransport.create()) {
      IOException e = assertThrows(IOException.class, () -> transport.exchange(get("/chat")).execute());
      assertTrue(e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException,
          () -> "thrown " + e);
    }
  }
}
