package dev.chatinfo.benchmarks.contenders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.benchmarks.Contender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Jackson databind into {@link InfoDto}, then to the model: JSON with an {@link ObjectMapper}, or
 * XML with jackson-dataformat-xml's {@link XmlMapper} (over Woodstox, its StAX parser). Reader and
 * writer are built once.
 */
public final class JacksonDatabind implements Contender {

  private final String name;
  private final boolean xml;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  private JacksonDatabind(String name, boolean xml, ObjectReader reader, ObjectWriter writer) {
    this.name = name;
    this.xml = xml;
    this.reader = reader;
    this.writer = writer;
  }

  /**
   * Jackson databind, JSON.
   *
   * @return the contender
   */
  public static JacksonDatabind json() {
    ObjectMapper mapper = new ObjectMapper();
    return new JacksonDatabind("jackson-databind", false,
        mapper.readerFor(InfoDto.Document.class), mapper.writerFor(InfoDto.Document.class));
  }

  /**
   * Jackson XML (jackson-dataformat-xml).
   *
   * @return the contender
   */
  public static JacksonDatabind xml() {
    XmlMapper mapper = new XmlMapper();
    return new JacksonDatabind("jackson-xml", true,
        mapper.readerFor(InfoDto.class), mapper.writerFor(InfoDto.class));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ChatInfo decode(InputStream body) throws IOException {
    if (xml) {
      InfoDto info = reader.readValue(body);
      return info.toChatInfo();
    }
    InfoDto.Document document = reader.readValue(body);
    return document.info.toChatInfo();
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) throws IOException {
    if (xml) {
      writer.writeValue(out, InfoDto.of(info));
    } else {
      InfoDto.Document document = new InfoDto.Document();
      document.info = InfoDto.of(info);
      writer.writeValue(out, document);
    }
  }
}
