/**
 * The XML codec of chatinfo: {@link dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.codec.xml;
