package dev.chatinfo.benchmarks.contenders;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.benchmarks.Contender;
import java.io.InputStream;
import java.io.OutputStream;

/** A chatinfo codec, as the transport calls it. */
public final class CodecContender implements Contender {

  private final String name;
  private final ChatInfoCodec codec;

  /**
   * @param name the name in reports
   * @param codec the codec
   */
  public CodecContender(String name, ChatInfoCodec codec) {
    this.name = name;
    this.codec = codec;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ChatInfo decode(InputStream body) {
    return codec.decode(body);
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) {
    codec.encode(info, out);
  }
}
