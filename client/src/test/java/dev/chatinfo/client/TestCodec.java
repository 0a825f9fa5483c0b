package dev.chatinfo.client;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.codec.ChatInfoCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A codec for the engine's tests: the body is {@code state;chatSessionKey}; anything else is
 * refused with a message that quotes it (as real codecs quote a bad value).
 */
final class TestCodec implements ChatInfoCodec {

  static final String MEDIA_TYPE = "application/json";

  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  @Override
  public boolean supports(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith(MEDIA_TYPE);
  }

  @Override
  public ChatInfo decode(InputStream body) {
    String text;
    try {
      text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ChatInfoException(Kind.MALFORMED_RESPONSE, "could not read the body: " + e.getMessage(), e);
    }
    String[] parts = text.split(";");
    if (parts.length != 2 || ChatState.fromWire(parts[0]) == ChatState.UNKNOWN) {
      throw new ChatInfoException(Kind.MALFORMED_RESPONSE, "state \"" + text + "\" is not a chat state");
    }
    return ChatInfo.builder().state(ChatState.fromWire(parts[0])).chatSessionKey(parts[1]).build();
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) {
    try {
      out.write((info.state().wireValue() + ";" + info.chatSessionKey()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
