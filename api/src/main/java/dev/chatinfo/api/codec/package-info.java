/**
 * The codec SPI: turning a response body into a {@link dev.chatinfo.api.ChatInfo} and back, and
 * finding the codecs that are installed.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.api.codec;
