package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.benchmarks.contenders.CodecContender;
import dev.chatinfo.benchmarks.contenders.HandWrittenStax;
import dev.chatinfo.benchmarks.contenders.JacksonDatabind;
import dev.chatinfo.benchmarks.contenders.JacksonStreaming;
import dev.chatinfo.benchmarks.contenders.MoshiStreaming;
import dev.chatinfo.benchmarks.contenders.StockSimpleXmlLoader;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every contender, and the correctness check run before anything is measured: each must decode
 * the payload to the same {@link ChatInfo} as the chatinfo codec of its format (attributes in the
 * same order), and what each encodes must decode (with the chatinfo codec) to that value again.
 */
public final class Contenders {

  private Contenders() {}

  /**
   * The JSON contenders, chatinfo's codec first.
   *
   * @return new instances
   */
  public static List<Contender> json() {
    return List.of(new CodecContender("chatinfo-json", new MoshiChatInfoCodec()),
        JacksonDatabind.json(), new JacksonStreaming(), new MoshiStreaming());
  }

  /**
   * The XML contenders, chatinfo's codec first.
   *
   * @return new instances
   */
  public static List<Contender> xml() {
    return List.of(new CodecContender("chatinfo-xml", new SimpleXmlChatInfoCodec()),
        JacksonDatabind.xml(), HandWrittenStax.jdk(), HandWrittenStax.woodstox(),
        StockSimpleXmlLoader.load());
  }

  /**
   * Checks one contender against the codec on one payload.
   *
   * @param codec chatinfo's codec of the format
   * @param contender the contender
   * @param payload the body
   * @throws IllegalStateException if the contender disagrees
   */
  public static void check(Contender codec, Contender contender, byte[] payload) {
    try {
      ChatInfo expected = codec.decode(new ByteArrayInputStream(payload));
      ChatInfo decoded = contender.decode(new ByteArrayInputStream(payload));
      if (!expected.equals(decoded)) {
        throw new IllegalStateException(contender.name() + " decodes a different ChatInfo:\n  "
            + decoded + "\nthan " + codec.name() + ":\n  " + expected);
      }
      // ChatInfo.equals compares attributes as a map; the wire order is part of the contract too.
      if (!List.copyOf(expected.attributes().keySet()).equals(List.copyOf(decoded.attributes().keySet()))) {
        throw new IllegalStateException(contender.name() + " does not keep the wire order of the attributes: "
            + decoded.attributes().keySet() + " instead of " + expected.attributes().keySet());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      contender.encode(expected, out);
      ChatInfo back = codec.decode(new ByteArrayInputStream(out.toByteArray()));
      if (!expected.equals(back)) {
        throw new IllegalStateException(contender.name() + " encodes a different ChatInfo:\n  "
            + out.toString(StandardCharsets.UTF_8) + "\nreads as " + back);
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(contender.name() + " failed on the payload: " + e, e);
    }
  }

  /**
   * Checks every contender of both formats on every payload set ({@link Payloads#NAMES}) and
   * prints what they read and write.
   *
   * @param args none
   */
  public static void main(String[] args) {
    for (String name : Payloads.NAMES) {
      Payloads p = Payloads.get(name);
      System.out.println("payload " + name + ": JSON " + p.json.length + " bytes, XML " + p.xml.length + " bytes");
      checkAll(json(), p.json, p.expected);
      checkAll(xml(), p.xml, p.expected);
      System.out.println("every contender reads and writes the same ChatInfo: " + p.expected);
    }
  }

  /** The codec reads what the set holds, then every contender reads and writes as the codec does. */
  private static void checkAll(List<Contender> all, byte[] payload, ChatInfo held) {
    Contender codec = all.get(0);
    try {
      ChatInfo decoded = codec.decode(new ByteArrayInputStream(payload));
      if (!decoded.equals(held)) {
        throw new IllegalStateException(codec.name() + " does not read what the payload set holds:\n  "
            + decoded + "\n  " + held);
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(codec.name() + " failed: " + e, e);
    }
    for (Contender c : all) {
      check(codec, c, payload);
      System.out.println("  ok " + c.name());
    }
  }
}
