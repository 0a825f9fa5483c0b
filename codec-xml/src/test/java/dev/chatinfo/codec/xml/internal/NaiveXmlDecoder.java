package dev.chatinfo.codec.xml.internal;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import org.simpleframework.xml.Element;
import org.simpleframework.xml.Root;
import org.simpleframework.xml.core.Persister;
import org.simpleframework.xml.stream.InputNode;
import org.simpleframework.xml.stream.NodeReader;
import org.simpleframework.xml.stream.StreamProvider;

/**
 * Test only: what a naive XML decoder does, the way the original Simple XML 2.7.1 did it:
 * {@code XMLInputFactory.newInstance()} as configured by default (so whatever StAX provider is on
 * the class path, Woodstox included) and Simple XML's default {@code Persister}. The hardening
 * tests run each attack against it first, to show that the attack is real in this environment.
 */
public final class NaiveXmlDecoder {

  private NaiveXmlDecoder() {}

  /** The fields a naive binding would read. */
  @Root(name = "info", strict = false)
  public static final class NaiveInfo {
    /** The state. */
    @Element(required = false)
    public String state;
    /** The key. */
    @Element(required = false)
    public String chatSessionKey;
    /** The agent's name. */
    @Element(required = false)
    public String agentName;
    /** The visitor's name. */
    @Element(required = false)
    public String visitorName;

    /** For Simple XML. */
    public NaiveInfo() {
      // filled by Simple XML
    }
  }

  /**
   * Decodes a body naively.
   *
   * @param body the body
   * @return what it read
   * @throws Exception whatever the parser or Simple XML throws
   */
  public static NaiveInfo decode(byte[] body) throws Exception {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    InputNode root = new NodeReader(new StreamProvider(factory)
        .provide(new ByteArrayInputStream(body))).readRoot();
    return new Persister().read(NaiveInfo.class, root);
  }
}
