package dev.chatinfo.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec as the rest of the library sees it: media types, registration, sharing. */
class MoshiChatInfoCodecTest {

  final MoshiChatInfoCodec codec = new MoshiChatInfoCodec();

  @Test
  void writesApplicationJson() {
    assertEquals("application/json", codec.mediaType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=UTF-8",
      "Application/Json;charset=utf-8;q=1", " application/json ", "text/json",
      "application/vnd.liveperson.chat+json", "application/problem+JSON; charset=utf-8"})
  void supportsJsonContentTypes(String contentType) {
    assertTrue(codec.supports(contentType));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"application/xml", "text/xml", "application/atom+xml", "text/html",
      "text/html; charset=utf-8", "text/plain", "json", "application/jsonp", "application/x-json",
      "application/+json", "application/json+xml", "*/*"})
  void doesNotSupportOtherContentTypes(String contentType) {
    assertFalse(codec.supports(contentType));
  }

  @Test
  void isFoundByChatInfoCodecsOnTheModulePath() {
    assertEquals("dev.chatinfo.codec.json", MoshiChatInfoCodec.class.getModule().getName(),
        "the tests must run on the module path");
    List<ChatInfoCodec> installed = ChatInfoCodecs.installed();
    assertTrue(installed.stream().anyMatch(c -> c instanceof MoshiChatInfoCodec),
        () -> "installed: " + installed);
    assertTrue(ChatInfoCodecs.forContentType("application/json; charset=utf-8").orElseThrow()
        instanceof MoshiChatInfoCodec);
    assertTrue(MoshiChatInfoCodec.class.getModule().getDescriptor().provides().stream()
        .anyMatch(p -> p.service().equals(ChatInfoCodec.class.getName())
            && p.providers().equals(List.of(MoshiChatInfoCodec.class.getName()))));
  }

  @Test
  void isListedInMetaInfServicesForTheClassPath() throws IOException {
    Path services = Path.of("src", "main", "resources", "META-INF", "services",
        ChatInfoCodec.class.getName());
    List<String> providers = Files.readAllLines(services, StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.toList());
    assertEquals(List.of(MoshiChatInfoCodec.class.getName()), providers);
  }

  @Test
  void oneInstanceServesManyThreadsAtOnce() throws Exception {
    ChatInfo expected = Payloads.realistic().build();
    byte[] body = Payloads.utf8(Payloads.REALISTIC);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = IntStream.range(0, 64).<Callable<Boolean>>mapToObj(i -> () -> {
        for (int k = 0; k < 50; k++) {
          ChatInfo decoded = codec.decode(new java.io.ByteArrayInputStream(body));
          if (!decoded.equals(expected) || !codec.decode(new java.io.ByteArrayInputStream(
              Payloads.encode(decoded))).equals(expected)) {
            return false;
          }
        }
        return true;
      }).collect(Collectors.toList());
      for (Future<Boolean> result : pool.invokeAll(calls)) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void saysWhatItIs() {
    assertEquals("MoshiChatInfoCodec[application/json]", codec.toString());
  }
}
