/**
 * The codec SPI: turning a response body into a {@link dev.chatinfo.api.ChatInfo} and back, and
 * finding the codecs that are installed. {@link dev.chatinfo.api.codec.WireField} is the one table
 * of the wire's fields and {@link dev.chatinfo.api.codec.WireValues} the text forms of their
 * values, shared by every codec.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.api.codec;
