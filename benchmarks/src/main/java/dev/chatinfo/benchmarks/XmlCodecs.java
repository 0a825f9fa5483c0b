package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatInfo;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * XML: chatinfo's {@code SimpleXmlChatInfoCodec} against Jackson XML, hand-written StAX on the
 * JDK's parser and on Woodstox, and stock Simple XML 2.7.1, decoding the same {@code byte[]} body
 * to a {@link ChatInfo} and encoding that value back, one operation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XmlCodecs extends CodecState {

  /** The payload set: the testkit's fixture, or LivePerson's documented examples ({@link Payloads}). */
  @Param({"fixture", "agent", "server"})
  public String payload;

  private Contender chatinfo;
  private Contender jacksonXml;
  private Contender staxJdk;
  private Contender staxWoodstox;
  private Contender simpleXmlStock;

  /** Builds and checks the contenders. */
  @Setup
  public void setUp() {
    Payloads payloads = Payloads.get(payload);
    List<Contender> all = checked(Contenders.xml(), payloads, payloads.xml);
    chatinfo = all.get(0);
    jacksonXml = all.get(1);
    staxJdk = all.get(2);
    staxWoodstox = all.get(3);
    simpleXmlStock = all.get(4);
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeChatinfo() throws Exception {
    return chatinfo.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeJacksonXml() throws Exception {
    return jacksonXml.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeStaxJdk() throws Exception {
    return staxJdk.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeStaxWoodstox() throws Exception {
    return staxWoodstox.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeSimpleXmlStock() throws Exception {
    return simpleXmlStock.decode(new ByteArrayInputStream(body));
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeChatinfo(Sink sink) throws Exception {
    chatinfo.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeJacksonXml(Sink sink) throws Exception {
    jacksonXml.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeStaxJdk(Sink sink) throws Exception {
    staxJdk.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeStaxWoodstox(Sink sink) throws Exception {
    staxWoodstox.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeSimpleXmlStock(Sink sink) throws Exception {
    simpleXmlStock.encode(info, sink.empty());
    return sink.out.size();
  }
}
