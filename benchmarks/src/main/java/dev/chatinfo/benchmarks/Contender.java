package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatInfo;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One way to read and write chat information: a chatinfo codec, or a baseline written the way a
 * user of that library would write it. Implementations are thread-safe and built once.
 */
public interface Contender {

  /**
   * A short name for reports.
   *
   * @return the name
   */
  String name();

  /**
   * Reads a body.
   *
   * @param body the body
   * @return the chat information
   * @throws Exception whatever the library throws
   */
  ChatInfo decode(InputStream body) throws Exception;

  /**
   * Writes a body.
   *
   * @param info the chat information
   * @param out where to write
   * @throws Exception whatever the library throws
   */
  void encode(ChatInfo info, OutputStream out) throws Exception;
}
