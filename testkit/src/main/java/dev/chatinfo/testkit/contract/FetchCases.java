package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.testkit.RecordedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a source fetches and the request it sends for it. */
abstract class FetchCases extends SourceContractBase {

  FetchCases() {}

  /** A chatting chat comes back equal to what the server holds. */
  @Test
  public void fetchesAChattingChat() {
    ChatRef ref = chattingChat();
    assertThat(source().fetch(ref)).isEqualTo(server.chat(ref)).isChatting().hasAgentName("Barber")
        .visitorIsTyping().hasLink("visitor-name");
  }

  /** Waiting and ended chats come back too. */
  @Test
  public void fetchesAWaitingAndAnEndedChat() {
    ChatRef waiting = server.addChat(ChatInfoFixtures.waiting());
    ChatRef ended = server.addChat(ChatInfoFixtures.ended());
    ChatInfoSource source = source();
    assertThat(source.fetch(waiting)).isEqualTo(server.chat(waiting)).isWaiting().hasNoAgentName();
    assertThat(source.fetch(ended)).isEqualTo(server.chat(ended)).isEnded().isNotActive();
  }

  /** Nothing is cached: a second fetch sees the change. */
  @Test
  public void seesTypingChange() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chattingBuilder().agentTyping(TypingStatus.NOT_TYPING).build());
    ChatInfoSource source = source();
    assertThat(source.fetch(ref)).agentIsNotTyping();
    server.update(ref, info -> info.toBuilder().agentTyping(TypingStatus.TYPING).build());
    assertThat(source.fetch(ref)).agentIsTyping().isEqualTo(server.chat(ref));
  }

  /** fetchAsync answers what fetch would. */
  @Test
  public void fetchesAsynchronously() throws Exception {
    ChatRef a = chattingChat();
    ChatRef b = server.addChat(ChatInfoFixtures.waiting());
    ChatInfoSource source = source();
    CompletableFuture<ChatInfo> fa = source.fetchAsync(a);
    CompletableFuture<ChatInfo> fb = source.fetchAsync(b);
    assertThat(fa.get(20, TimeUnit.SECONDS)).isEqualTo(server.chat(a));
    assertThat(fb.get(20, TimeUnit.SECONDS)).isEqualTo(server.chat(b));
  }

  /**
   * One GET of the documented path and query with {@code Authorization: Bearer}, and {@code Accept}
   * and {@code Content-Type} naming the same format (application/json or application/xml).
   */
  @Test
  public void sendsTheDocumentedRequest() {
    ChatRef ref = chattingChat();
    source().fetch(ref);
    assertEquals(1, server.requests().size(), "requests for one successful fetch");
    RecordedRequest request = server.requests().get(0);
    assertEquals("GET", request.method());
    assertEquals(infoPath(ref), request.path());
    assertTrue(List.of(request.query().split("&")).containsAll(List.of("v=1", "NC=true")), request.query());
    assertTrue(request.hasBearerToken(), "no Authorization: Bearer sent: " + request.headers().keySet());
    String asked = askedMediaType(request);
    String contentType = request.header("Content-Type").orElse("");
    assertEquals(asked, contentType.split(";")[0].strip().toLowerCase(Locale.ROOT),
        "Content-Type must name the format asked for in Accept (" + asked + "), was '" + contentType + "'");
  }

  /** A redirect within the same origin is followed, sending the token again; each hop is a request. */
  @Test
  public void followsARedirectWithinTheSameOrigin() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.redirect(URI.create(server.infoUrl(ref) + "&moved=1")));
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());
    assertTrue(server.requests().get(1).hasBearerToken(), "the token was not sent after the redirect");
  }

  /** Eight threads share one source, and every one of 400 fetches gets the right chat. */
  @Test
  public void eightThreadsShareOneSourceAndEveryAnswerIsRight() throws Exception {
    ChatRef chatting = chattingChat();
    ChatRef waiting = server.addChat(ChatInfoFixtures.waiting());
    ChatInfo expectedChatting = server.chat(chatting);
    ChatInfo expectedWaiting = server.chat(waiting);
    ChatInfoSource source = source();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          int right = 0;
          for (int i = 0; i < 50; i++) {
            boolean even = (i + thread) % 2 == 0;
            ChatInfo info = even ? source.fetch(chatting) : source.fetchAsync(waiting).get(20, TimeUnit.SECONDS);
            if (info.equals(even ? expectedChatting : expectedWaiting)) {
              right++;
            }
          }
          return right;
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(50, result.get(50, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(400, server.requests().size());
  }
}
