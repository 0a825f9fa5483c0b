package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codec is found the ways users install it, and its module shows only its API. */
class ServiceLoadingTest {

  @Test
  void chatInfoCodecsFindsTheXmlCodecOnTheModulePath() {
    List<ChatInfoCodec> xml = ChatInfoCodecs.installed().stream()
        .filter(codec -> codec instanceof SimpleXmlChatInfoCodec)
        .collect(Collectors.toList());
    assertEquals(1, xml.size(), ChatInfoCodecs.installed()::toString);
    Module module = xml.get(0).getClass().getModule();
    assertTrue(module.isNamed());
    assertEquals("dev.chatinfo.codec.xml", module.getName());
    assertTrue(ChatInfoCodecs.forContentType("text/xml; charset=UTF-8").orElseThrow()
        instanceof SimpleXmlChatInfoCodec);
  }

  @Test
  void theModuleProvidesTheCodecExportsItsApiAndOpensNothing() {
    ModuleDescriptor descriptor = SimpleXmlChatInfoCodec.class.getModule().getDescriptor();
    assertEquals(Set.of("dev.chatinfo.codec.xml"), descriptor.exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertTrue(descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    assertEquals(Set.of(), descriptor.opens(), "Simple XML reflects on nothing of the codec");
    assertEquals(List.of(SimpleXmlChatInfoCodec.class.getName()), descriptor.provides().stream()
        .filter(p -> p.service().equals(ChatInfoCodec.class.getName()))
        .flatMap(p -> p.providers().stream()).collect(Collectors.toList()));
  }

  @Test
  void theClassPathRegistrationNamesTheCodec() throws IOException {
    Path services = Path.of("target", "classes", "META-INF", "services",
        ChatInfoCodec.class.getName());
    assertEquals(List.of(SimpleXmlChatInfoCodec.class.getName()), Files.readAllLines(services));
  }
}
