package dev.chatinfo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.testkit.internal.WireWriter;
import dev.chatinfo.testkit.reference.StaxXmlCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class FakeChatServerTest {

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final SettableClock clock = SettableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
  FakeChatServer server;

  @BeforeEach
  void start() {
    server = FakeChatServer.start(clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<byte[]> get(ChatRef ref, String accept, String authorization) throws Exception {
    return get(server.infoUrl(ref), accept, authorization);
  }

  HttpResponse<byte[]> get(URI uri, String accept, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  String bearer() {
    return "Bearer " + server.token();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertEquals("127.0.0.1", server.baseUrl().getHost());
    assertTrue(server.baseUrl().getPort() > 0);
    assertEquals("/", server.baseUrl().getPath());
  }

  @Test
  void startsOnAGivenPortAndSaysWhenItIsTaken() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (FakeChatServer onPort = FakeChatServer.start(clock, port)) {
      assertEquals(URI.create("http://127.0.0.1:" + port + "/"), onPort.baseUrl());
      ChatRef ref = onPort.addChat(ChatInfoFixtures.chatting());
      assertEquals(200, get(onPort.infoUrl(ref), "application/json", "Bearer " + onPort.token()).statusCode());
      java.io.UncheckedIOException taken =
          assertThrows(java.io.UncheckedIOException.class, () -> FakeChatServer.start(clock, port));
      assertTrue(taken.getMessage().contains("127.0.0.1:" + port), taken.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> FakeChatServer.start(clock, -1));
    assertThrows(IllegalArgumentException.class, () -> FakeChatServer.start(clock, 65536));
  }

  @Test
  void servesJsonInTheWireShape() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    assertEquals(200, r.statusCode());
    assertEquals("application/json;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(WireWriter.json(server.chat(ref), Set.of()), body);
    assertTrue(body.startsWith("{\"info\": {\"link\": [{\"@href\": \"" + server.baseUrl().resolve("/api/account/")),
        body);
    assertTrue(body.contains("\"@rel\": \"visitor-name\""), body);
    assertTrue(body.contains("\"agentId\": 311098910"), body);
    assertTrue(body.contains("\"startTime\": \"2026-11-25T06:58:49.416-05:00\""), body);
  }

  @Test
  void servesXmlThatDecodesToTheChatAsAdded() throws Exception {
    ChatInfo added = ChatInfoFixtures.chatting();
    ChatRef ref = server.addChatAsIs(added);
    HttpResponse<byte[]> r = get(ref, "application/xml", bearer());
    assertEquals(200, r.statusCode());
    assertEquals("application/xml;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
    ChatInfo decoded = new StaxXmlCodec().decode(new ByteArrayInputStream(r.body()));
    assertEquals(server.chat(ref), decoded);
    assertEquals(added, decoded.toBuilder().links(List.of()).build());
  }

  @Test
  void addsLinksPointingAtItselfOnlyWhenTheChatHasNone() {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    ChatInfo served = server.chat(ref);
    assertEquals(List.of(Link.SELF, Link.VISITOR_NAME, Link.VISITOR_TYPING, Link.AGENT_TYPING),
        served.links().stream().map(Link::rel).toList());
    assertEquals(server.infoUrl(ref).toString().replace("?v=1&NC=true", ""), served.link(Link.SELF).orElseThrow().href());
    for (Link link : served.links()) {
      assertEquals(server.baseUrl().getAuthority(), link.uri().orElseThrow().getAuthority());
    }
    ChatInfo own = ChatInfoFixtures.chattingBuilder().link(new Link("self", "weird href")).build();
    assertEquals(own, server.chat(server.addChatAsIs(own)));
  }

  @Test
  void addChatServesTheChatAsIfJustUpdated() {
    ChatInfo served = server.chat(server.addChat(ChatInfoFixtures.chatting()));
    assertEquals(OffsetDateTime.parse("2026-11-25T07:00:00.000-05:00"), served.lastUpdate().orElseThrow());
    assertEquals(Duration.between(ChatInfoFixtures.START_TIME, ChatInfoFixtures.LAST_UPDATE),
        Duration.between(served.startTime().orElseThrow(), served.lastUpdate().orElseThrow()));
    assertEquals(clock.instant().plusSeconds(40), served.expiresAt().orElseThrow());
    assertEquals(ChatInfoFixtures.chatting(), served.toBuilder().links(List.of())
        .startTime(ChatInfoFixtures.START_TIME).lastUpdate(ChatInfoFixtures.LAST_UPDATE).build());
  }

  @Test
  void addChatMovesTimesToTheMillisecondOfTheServersClock() {
    clock.set(Instant.parse("2026-11-25T12:00:00.123456789Z"));
    ChatInfo noLastUpdate = ChatInfoFixtures.waitingBuilder().lastUpdate(null).build();
    ChatInfo served = server.chat(server.addChat(noLastUpdate));
    assertEquals(OffsetDateTime.parse("2026-11-25T07:00:00.123-05:00"), served.startTime().orElseThrow());
    assertTrue(served.lastUpdate().isEmpty());
  }

  @Test
  void addChatAsIsKeepsTheTimesAsGiven() {
    ChatInfo served = server.chat(server.addChatAsIs(ChatInfoFixtures.chatting()));
    assertEquals(ChatInfoFixtures.START_TIME, served.startTime().orElseThrow());
    assertEquals(ChatInfoFixtures.LAST_UPDATE, served.lastUpdate().orElseThrow());
  }

  @Test
  void playsAScriptAsTheClockPassesEachStep() {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    ChatScript script = server.script(ref)
        .after(Duration.ofSeconds(5), info -> info.toBuilder().state(ChatState.CHATTING).agentName("Barber").build())
        .after(Duration.ofSeconds(3), info -> info.toBuilder().visitorTyping(TypingStatus.TYPING).build())
        .after(Duration.ofSeconds(10), info -> info.toBuilder().state(ChatState.ENDED).build());
    assertTrue(script.toString().contains(ref.chatId()), script.toString());
    clock.advance(Duration.ofMillis(4999));
    assertEquals(ChatState.WAITING, server.chat(ref).state());
    clock.advance(Duration.ofMillis(1));
    ChatInfo chatting = server.chat(ref);
    assertEquals(ChatState.CHATTING, chatting.state());
    assertEquals(TypingStatus.NOT_TYPING, chatting.visitorTyping());
    assertEquals(OffsetDateTime.parse("2026-11-25T07:00:05-05:00"), chatting.lastUpdate().orElseThrow());
    clock.advance(Duration.ofSeconds(20));
    ChatInfo ended = server.chat(ref);
    assertEquals(ChatState.ENDED, ended.state());
    assertEquals(TypingStatus.TYPING, ended.visitorTyping());
    assertEquals("Barber", ended.agentName().orElseThrow());
    assertEquals(OffsetDateTime.parse("2026-11-25T07:00:18-05:00"), ended.lastUpdate().orElseThrow());
  }

  @Test
  void servesScriptedStepsOverHttp() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    server.script(ref).after(Duration.ofSeconds(1), info -> info.toBuilder().state(ChatState.CHATTING).build());
    assertTrue(new String(get(ref, "application/json", bearer()).body(), StandardCharsets.UTF_8)
        .contains("\"state\": \"waiting\""));
    clock.advance(Duration.ofSeconds(1));
    assertTrue(new String(get(ref, "application/json", bearer()).body(), StandardCharsets.UTF_8)
        .contains("\"state\": \"chatting\""));
  }

  @Test
  void aScriptStepSeesTheChatEndedWhenItsTimeoutPassedFirst() {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    ChatInfo[] seen = new ChatInfo[1];
    server.script(ref).after(Duration.ofSeconds(60), info -> seen[0] = info);
    clock.advance(Duration.ofSeconds(60));
    assertEquals(ChatState.ENDED, server.chat(ref).state());
    assertEquals(ChatState.ENDED, seen[0].state());
  }

  @Test
  void refusesAScriptForAnUnknownChatOrANegativeStep() {
    assertThrows(IllegalArgumentException.class, () -> server.script(ChatRef.of("1", "2", "3")));
    ChatScript script = server.script(server.addChat(ChatInfoFixtures.waiting()));
    assertThrows(IllegalArgumentException.class, () -> script.after(Duration.ofSeconds(-1), info -> info));
  }

  @Test
  void choosesTheFormatByAccept() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    Map<String, String> expected = Map.of(
        "application/xml", "application/xml",
        "text/xml", "application/xml",
        "application/json", "application/json",
        "application/xml;q=0.5, application/json", "application/json",
        "application/json;q=0.2, text/xml;q=0.9", "application/xml",
        "*/*", "application/json",
        "text/html, application/*", "application/json");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      HttpResponse<byte[]> r = get(ref, e.getKey(), bearer());
      assertEquals(200, r.statusCode(), e.getKey());
      assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(e.getValue()), e.getKey());
    }
    HttpResponse<byte[]> none = get(ref, null, bearer());
    assertTrue(none.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
  }

  @Test
  void answers406ForWhatItCannotGive() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    assertEquals(406, get(ref, "text/html", bearer()).statusCode());
    assertEquals(406, get(ref, "application/json;q=0", bearer()).statusCode());
  }

  @Test
  void answers401WithoutOrWithAWrongToken() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    HttpResponse<byte[]> none = get(ref, "application/json", null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer realm=\"liveperson\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals(401, get(ref, "application/json", "Bearer nope").statusCode());
    assertEquals(401, get(ref, "application/json", "Basic " + server.token()).statusCode());
    assertEquals(200, get(ref, "application/json", "bearer " + server.token()).statusCode());
  }

  @Test
  void refusesTheOldTokenAfterRotation() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    String old = server.token();
    String fresh = server.rotateToken();
    assertNotEquals(old, fresh);
    assertEquals(401, get(ref, "application/json", "Bearer " + old).statusCode());
    assertEquals(200, get(ref, "application/json", "Bearer " + fresh).statusCode());
  }

  @Test
  void answers403ForAChatOfAnotherAgentSession() throws Exception {
    ChatRef theirs = server.addChat(ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, "other-session", "H1-a"),
        ChatInfoFixtures.chatting());
    ChatRef ours = ChatRef.of(theirs.accountId(), FakeChatServer.DEFAULT_AGENT_SESSION_ID, theirs.chatId());
    assertEquals(403, get(ours, "application/json", bearer()).statusCode());
    assertEquals(200, get(theirs, "application/json", bearer()).statusCode());
  }

  @Test
  void answers404ForAnUnknownChatAccountOrPath() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    assertEquals(404, get(ChatRef.of(ref.accountId(), ref.agentSessionId(), "unknown"), "application/json", bearer())
        .statusCode());
    assertEquals(404, get(ChatRef.of("999", ref.agentSessionId(), ref.chatId()), "application/json", bearer())
        .statusCode());
    assertEquals(404, get(server.baseUrl().resolve("/api/account/1/info?v=1"), null, bearer()).statusCode());
    server.removeChat(ref);
    assertEquals(404, get(ref, "application/json", bearer()).statusCode());
  }

  @Test
  void answers400WithoutVersion() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    URI noVersion = URI.create(server.infoUrl(ref).toString().replace("v=1&", ""));
    HttpResponse<byte[]> r = get(noVersion, "application/json", bearer());
    assertEquals(400, r.statusCode());
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("v=1"));
  }

  @Test
  void answers405ForOtherMethods() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(server.infoUrl(ref))
        .header("Authorization", bearer()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(405, r.statusCode());
    assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void writesErrorsInTheRequestedFormat() throws Exception {
    ChatRef unknown = ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, FakeChatServer.DEFAULT_AGENT_SESSION_ID, "x");
    String xml = new String(get(unknown, "application/xml", bearer()).body(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<error><time>2026-11-25T12:00:00.000Z</time><message>Chat x not found</message>"), xml);
    String json = new String(get(unknown, "application/json", bearer()).body(), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"message\": \"Chat x not found\""), json);
  }

  @Test
  void updateMovesLastUpdateToTheServersClock() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    clock.advance(Duration.ofSeconds(7));
    ChatInfo updated = server.update(ref, info -> info.toBuilder().visitorTyping(TypingStatus.NOT_TYPING).build());
    assertEquals(TypingStatus.NOT_TYPING, updated.visitorTyping());
    assertEquals(OffsetDateTime.parse("2026-11-25T07:00:07-05:00"), updated.lastUpdate().orElseThrow());
    assertEquals(updated, server.chat(ref));
    assertThrows(IllegalArgumentException.class,
        () -> server.update(ChatRef.of("1", "2", "3"), info -> info));
  }

  @Test
  void endsAChatWhoseTimeoutHasPassed() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    clock.advance(Duration.ofSeconds(40));
    assertEquals(ChatState.CHATTING, server.chat(ref).state());
    clock.advance(Duration.ofMillis(1));
    assertEquals(ChatState.ENDED, server.chat(ref).state());
    ChatInfo decoded = new StaxXmlCodec().decode(new ByteArrayInputStream(get(ref, "application/xml", bearer()).body()));
    assertEquals(ChatState.ENDED, decoded.state());
    assertEquals("ended", decoded.rawState());
  }

  @Test
  void aChatEndedByItsTimeoutLooksLikeAnyEndedChat() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    clock.advance(Duration.ofMinutes(5));
    ChatInfo ended = server.chat(ref);
    assertEquals(ChatState.ENDED, ended.state());
    assertEquals(TypingStatus.UNKNOWN, ended.agentTyping());
    assertEquals(TypingStatus.UNKNOWN, ended.visitorTyping());
    assertTrue(ended.chatTimeout().isEmpty(), ended.toString());
    assertTrue(ended.expiresAt().isEmpty(), ended.toString());
    assertEquals(OffsetDateTime.parse("2026-11-25T07:00:40-05:00"), ended.lastUpdate().orElseThrow());
  }

  @Test
  void anUpdateRestartsTheTimeout() {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    clock.advance(Duration.ofSeconds(30));
    server.update(ref, info -> info.toBuilder().state(ChatState.CHATTING).agentName("Barber").build());
    clock.advance(Duration.ofSeconds(30));
    assertEquals(ChatState.CHATTING, server.chat(ref).state());
  }

  @Test
  void recordsRequestsWithTheAuthorizationMasked() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    get(ref, "application/json", bearer());
    RecordedRequest request = server.requests().get(0);
    assertEquals("GET", request.method());
    assertEquals("/api/account/" + ref.accountId() + "/agentSession/" + ref.agentSessionId() + "/chat/"
        + ref.chatId() + "/info", request.path());
    assertEquals("v=1&NC=true", request.query());
    assertEquals(List.of("Bearer ****"), request.headers().get("authorization"));
    assertTrue(request.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type")),
        request.headers().toString());
    assertEquals("application/json", request.header("ACCEPT").orElseThrow());
    assertTrue(request.hasBearerToken());
    assertEquals(clock.instant(), request.time());
    assertFalse(request.toString().contains(server.token()), request.toString());
    assertFalse(server.toString().contains(server.token()));
    server.clearRequests();
    assertEquals(List.of(), server.requests());
  }

  @Test
  void recordsEveryRequestHeaderContentTypeIncluded() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    http.send(HttpRequest.newBuilder(server.infoUrl(ref)).header("Accept", "application/xml")
        .header("Content-Type", "application/xml").header("Authorization", bearer())
        .header("X-Request-Id", "r-1").build(), HttpResponse.BodyHandlers.discarding());
    RecordedRequest request = server.requests().get(0);
    assertEquals("application/xml", request.header("Content-Type").orElseThrow());
    assertEquals("r-1", request.header("x-request-id").orElseThrow());
    assertEquals(List.of("Bearer ****"), request.headers().get("authorization"));
  }

  @Test
  void appliesQueuedFaultsOncePerRequestInOrder() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.status(503), Fault.status(429));
    assertEquals(503, get(ref, "application/json", bearer()).statusCode());
    assertEquals(429, get(ref, "application/json", bearer()).statusCode());
    assertEquals(200, get(ref, "application/json", bearer()).statusCode());
  }

  @Test
  void appliesChatFaultsOnlyToThatChatAndFirst() throws Exception {
    ChatRef a = server.addChat(ChatInfoFixtures.chatting());
    ChatRef b = server.addChat(ChatInfoFixtures.waiting());
    server.enqueue(a, Fault.status(502));
    server.enqueue(Fault.status(504));
    assertEquals(504, get(b, "application/json", bearer()).statusCode());
    assertEquals(502, get(a, "application/json", bearer()).statusCode());
    assertEquals(200, get(a, "application/json", bearer()).statusCode());
  }

  @Test
  void keepsChatFaultsWithTheirAccount() throws Exception {
    ChatRef ours = server.addChat(ChatRef.of("111", FakeChatServer.DEFAULT_AGENT_SESSION_ID, "H7-shared"),
        ChatInfoFixtures.chatting());
    ChatRef theirs = server.addChat(ChatRef.of("222", FakeChatServer.DEFAULT_AGENT_SESSION_ID, "H7-shared"),
        ChatInfoFixtures.chatting());
    server.enqueue(ours, Fault.status(503));
    assertEquals(200, get(theirs, "application/json", bearer()).statusCode());
    assertEquals(503, get(ours, "application/json", bearer()).statusCode());
    assertEquals(200, get(ours, "application/json", bearer()).statusCode());
  }

  @Test
  void failsEveryRequestUntilCleared() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.failEveryRequest(Fault.status(503));
    for (int i = 0; i < 3; i++) {
      assertEquals(503, get(ref, "application/json", bearer()).statusCode());
    }
    server.clearFaults();
    assertEquals(200, get(ref, "application/json", bearer()).statusCode());
  }

  @Test
  void sendsRetryAfterInSecondsOrAsAnHttpDate() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(2)),
        Fault.retryAfter(503, Instant.parse("2026-11-25T12:00:05Z")), Fault.retryAfter(503, "soon"));
    HttpResponse<byte[]> seconds = get(ref, "application/json", bearer());
    assertEquals(429, seconds.statusCode());
    assertEquals("2", seconds.headers().firstValue("Retry-After").orElseThrow());
    HttpResponse<byte[]> date = get(ref, "application/json", bearer());
    assertEquals(503, date.statusCode());
    assertEquals("Wed, 25 Nov 2026 12:00:05 GMT", date.headers().firstValue("Retry-After").orElseThrow());
    assertEquals("soon", get(ref, "application/json", bearer()).headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void delaysTheHeaders() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertEquals(200, get(ref, "application/json", bearer()).statusCode());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
  }

  @Test
  void tricklesTheBody() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.trickle(200, Duration.ofMillis(20)));
    long start = System.nanoTime();
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertEquals(WireWriter.json(server.chat(ref), Set.of()), new String(r.body(), StandardCharsets.UTF_8));
    assertTrue(millis >= 20L * (r.body().length / 200), "took " + millis + " ms");
  }

  @Test
  void disconnectsMidBody() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.disconnectMidBody());
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(server.infoUrl(ref))
        .header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertThrows(IOException.class, () -> r.body().readAllBytes());
  }

  @Test
  void truncatesTheBodyConsistently() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.truncatedBody());
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    String whole = WireWriter.json(server.chat(ref), Set.of());
    assertEquals(whole.substring(0, whole.getBytes(StandardCharsets.UTF_8).length / 2),
        new String(r.body(), StandardCharsets.UTF_8));
    assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElseThrow());
  }

  @Test
  void sendsTheBodyUnderAnotherContentType() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.contentType("text/plain"));
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    assertEquals("text/plain", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(WireWriter.json(server.chat(ref), Set.of()), new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void servesAnHtmlErrorPageWith200() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.htmlErrorPage());
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<html>"));
  }

  @Test
  void redirectsToAnotherHost() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    URI elsewhere = URI.create("http://127.0.0.2:9/steal");
    server.enqueue(Fault.redirect(elsewhere));
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    assertEquals(302, r.statusCode());
    assertEquals(elsewhere.toString(), r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void sendsAnyBytes() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    byte[] invalidUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    server.enqueue(Fault.response(200, Map.of("Content-Type", "application/json", "X-Test", "1"), invalidUtf8));
    HttpResponse<byte[]> r = get(ref, "application/json", bearer());
    assertEquals(List.of((byte) '{', (byte) '"', (byte) 0xC3, (byte) 0x28, (byte) '"', (byte) '}'), bytes(r.body()));
    assertEquals("1", r.headers().firstValue("X-Test").orElseThrow());
  }

  @Test
  void servesConcurrentClients() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String accept = i % 2 == 0 ? "application/json" : "application/xml";
        results.add(pool.submit(() -> get(ref, accept, bearer()).statusCode()));
      }
      for (Future<Integer> f : results) {
        assertEquals(200, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, server.requests().size());
  }

  @Test
  void closeIsIdempotentAndFreesThePortAndThreads() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    get(ref, "application/json", bearer());
    int port = server.baseUrl().getPort();
    server.close();
    server.close();
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (threadsOf(port) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, threadsOf(port));
  }

  @Test
  void refusesBadFaultArguments() {
    assertThrows(IllegalArgumentException.class, () -> Fault.status(99));
    assertThrows(IllegalArgumentException.class, () -> Fault.trickle(0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofSeconds(-1)));
    assertEquals("Fault.STATUS 503", Fault.status(503).toString());
  }

  @Test
  void settableClockMovesOnlyWhenTold() {
    Instant start = clock.instant();
    assertEquals(start, clock.instant());
    assertEquals(start.plusSeconds(5), clock.advance(Duration.ofSeconds(5)));
    clock.set(Instant.EPOCH);
    assertEquals(Instant.EPOCH, clock.withZone(ZoneOffset.ofHours(2)).instant());
  }

  private static long threadsOf(int port) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("fake-chat-server-" + port + "-")).count();
  }

  private static List<Byte> bytes(byte[] b) {
    List<Byte> list = new ArrayList<>();
    for (byte x : b) {
      list.add(x);
    }
    return list;
  }
}
