/**
 * The transport SPI: how {@code ChatInfoClient} hands one HTTP exchange at a time to an HTTP
 * library. Implement {@link dev.chatinfo.client.spi.HttpTransport} and
 * {@link dev.chatinfo.client.spi.HttpTransportProvider}, register the provider with
 * {@code provides} and {@code META-INF/services}, and prove it with the testkit's
 * {@code ChatInfoSourceContract}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.client.spi;
