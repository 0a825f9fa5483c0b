package dev.chatinfo.codec.xml;

import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoCodecContract;

/** The testkit's codec contract, kept by the XML codec. */
class SimpleXmlChatInfoCodecContractTest extends ChatInfoCodecContract {

  @Override
  protected ChatInfoCodec codec() {
    return new SimpleXmlChatInfoCodec();
  }
}
