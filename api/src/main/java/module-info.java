/**
 * The chatinfo API: what a chat's information is ({@link dev.chatinfo.api.ChatInfo}), which chat
 * to ask about ({@link dev.chatinfo.api.ChatRef}), the port that fetches it
 * ({@link dev.chatinfo.api.ChatInfoSource}), the codec SPI that reads and writes the wire formats
 * ({@link dev.chatinfo.api.codec.ChatInfoCodec}) and the one exception of the library
 * ({@link dev.chatinfo.api.ChatInfoException}).
 *
 * <p>Depends on {@code java.base} only. Codecs are found with {@link java.util.ServiceLoader}:
 * add {@code chatinfo-codec-json} or {@code chatinfo-codec-xml} to the module path or class path.
 */
module dev.chatinfo.api {
  exports dev.chatinfo.api;
  exports dev.chatinfo.api.codec;

  uses dev.chatinfo.api.codec.ChatInfoCodec;
}
