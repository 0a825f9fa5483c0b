/**
 * The XML codec of chatinfo: {@link dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec} reads and
 * writes chat information as the service's XML, with Simple XML (the hardened
 * {@code simple-xml-safe} fork) over the JDK's own StAX parser, which never reads a DTD or resolves
 * an entity. Provides a {@link dev.chatinfo.api.codec.ChatInfoCodec} for
 * {@link java.util.ServiceLoader}, found by {@link dev.chatinfo.api.codec.ChatInfoCodecs}.
 *
 * <p>Simple XML is an automatic module ({@code simple.xml.safe}, named after its jar); its types
 * appear in no exported signature. Only its node reader is used, so nothing of this module is
 * opened to it: it reflects on nothing here.
 */
module dev.chatinfo.codec.xml {
  requires transitive dev.chatinfo.api;
  requires java.xml;
  requires simple.xml.safe;

  exports dev.chatinfo.codec.xml;

  provides dev.chatinfo.api.codec.ChatInfoCodec with dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
}
