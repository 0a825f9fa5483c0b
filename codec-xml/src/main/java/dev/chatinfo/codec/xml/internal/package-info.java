/**
 * The workings of the XML codec, not exported: the reader
 * ({@link dev.chatinfo.codec.xml.internal.InfoXmlReader}) over a pool of guarded JDK parsers
 * ({@link dev.chatinfo.codec.xml.internal.ParserPool},
 * {@link dev.chatinfo.codec.xml.internal.GuardedInputFactory}), the writer
 * ({@link dev.chatinfo.codec.xml.internal.InfoXmlWriter}) and the failures
 * ({@link dev.chatinfo.codec.xml.internal.MalformedXml}).
 *
 * <p>What Simple XML does here: its {@code NodeReader} turns the parser's events
 * ({@link dev.chatinfo.codec.xml.internal.CursorEvents}) into {@code InputNode}s, which the reader
 * walks in wire order. Its annotation binding ({@code Persister}, a {@code Strategy}, an annotated
 * document class) is not used: the codec had one ({@code WireDocument} and {@code WireStrategy}),
 * and all it did was hand the root node to the reader, at the price of a {@code Persister} and its
 * schema per codec, two objects per decode, a {@code Strategy} whose only job was to keep a body's
 * {@code class} attribute from choosing a class to load, and this package opened to Simple XML
 * for reflection. The reader takes the root node itself: nothing is opened, nothing reflects.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.codec.xml.internal;
