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
 * JSON: chatinfo's {@code MoshiChatInfoCodec} against Jackson databind, hand-written Jackson
 * streaming and hand-written Moshi streaming, decoding the same {@code byte[]} body to a {@link ChatInfo} and encoding that value
 * back, one operation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonCodecs extends CodecState {

  /** The payload set: the testkit's fixture, or LivePerson's documented examples ({@link Payloads}). */
  @Param({"fixture", "agent", "server"})
  public String payload;

  private Contender chatinfo;
  private Contender jacksonDatabind;
  private Contender jacksonStreaming;
  private Contender moshiStreaming;

  /** Builds and checks the contenders. */
  @Setup
  public void setUp() {
    Payloads payloads = Payloads.get(payload);
    List<Contender> all = checked(Contenders.json(), payloads, payloads.json);
    chatinfo = all.get(0);
    jacksonDatabind = all.get(1);
    jacksonStreaming = all.get(2);
    moshiStreaming = all.get(3);
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeChatinfo() throws Exception {
    return chatinfo.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeJacksonDatabind() throws Exception {
    return jacksonDatabind.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeJacksonStreaming() throws Exception {
    return jacksonStreaming.decode(new ByteArrayInputStream(body));
  }

  /** @return the decoded value */
  @Benchmark
  public ChatInfo decodeMoshiStreaming() throws Exception {
    return moshiStreaming.decode(new ByteArrayInputStream(body));
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeChatinfo(Sink sink) throws Exception {
    chatinfo.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeJacksonDatabind(Sink sink) throws Exception {
    jacksonDatabind.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeJacksonStreaming(Sink sink) throws Exception {
    jacksonStreaming.encode(info, sink.empty());
    return sink.out.size();
  }

  /** @return the bytes written */
  @Benchmark
  public int encodeMoshiStreaming(Sink sink) throws Exception {
    moshiStreaming.encode(info, sink.empty());
    return sink.out.size();
  }
}
