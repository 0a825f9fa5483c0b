package dev.chatinfo.transport.jdk;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of the client that {@link JdkTransport} keeps for plain {@code http} only: it
 * exists because {@code HttpClient} takes one (and builds the JDK's default context when none is
 * given, loading the trust store), and it refuses every use, so that a TLS connection can never be
 * made with it by mistake. {@code https} requests go to the transport's other client, which has
 * the JDK's default context.
 */
final class PlainHttpOnly extends SSLContextSpi {

  /** The context: no provider, no protocol worth naming, no use. */
  static final SSLContext CONTEXT = new SSLContext(new PlainHttpOnly(), null, "none") { };

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("the plain-http client of JdkTransport has no TLS");
  }

  @Override
  protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
    throw refused();
  }

  @Override
  protected SSLSocketFactory engineGetSocketFactory() {
    throw refused();
  }

  @Override
  protected SSLServerSocketFactory engineGetServerSocketFactory() {
    throw refused();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine() {
    throw refused();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine(String host, int port) {
    throw refused();
  }

  @Override
  protected SSLSessionContext engineGetServerSessionContext() {
    throw refused();
  }

  @Override
  protected SSLSessionContext engineGetClientSessionContext() {
    throw refused();
  }
}
