package dev.chatinfo.testkit.reference;

import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoCodecContract;

/** Proves the codec contract can be kept: a tiny StAX codec passes it. */
class StaxXmlCodecContractTest extends ChatInfoCodecContract {

  @Override
  protected ChatInfoCodec codec() {
    return new StaxXmlCodec();
  }
}
