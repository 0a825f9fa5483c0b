/**
 * The workings of the XML codec, not exported: the guarded StAX parser
 * ({@link dev.chatinfo.codec.xml.internal.GuardedInputFactory}), the Simple XML binding
 * ({@link dev.chatinfo.codec.xml.internal.WireDocument},
 * {@link dev.chatinfo.codec.xml.internal.WireStrategy}), the writer
 * ({@link dev.chatinfo.codec.xml.internal.InfoXmlWriter}) and the failures
 * ({@link dev.chatinfo.codec.xml.internal.MalformedXml}). Opened to Simple XML only, which reads
 * the binding's annotations reflectively.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.codec.xml.internal;
