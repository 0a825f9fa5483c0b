package dev.chatinfo.codec.json;

import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.testkit.contract.ChatInfoCodecContract;

/** The testkit's codec contract, kept by the JSON codec. */
class MoshiChatInfoCodecContractTest extends ChatInfoCodecContract {

  @Override
  protected ChatInfoCodec codec() {
    return new MoshiChatInfoCodec();
  }
}
