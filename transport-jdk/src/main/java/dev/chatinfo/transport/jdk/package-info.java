/**
 * {@link dev.chatinfo.transport.jdk.JdkTransport}: chatinfo's {@code HttpTransport} over the JDK's
 * {@link java.net.http.HttpClient}, and its {@link dev.chatinfo.transport.jdk.JdkTransportProvider}.
 *
 * <p>Nothing in this package accepts or returns {@code null}.
 */
package dev.chatinfo.transport.jdk;
