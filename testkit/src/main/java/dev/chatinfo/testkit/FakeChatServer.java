package dev.chatinfo.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.Link;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A fake LivePerson chat server: real HTTP on 127.0.0.1 (an ephemeral port), serving
 * {@code GET /api/account/{accountId}/agentSession/{agentSessionId}/chat/{chatId}/info?v=1&NC=true}
 * as the legacy Chat Agent API does.
 *
 * <ul>
 *   <li>JSON or XML by {@code Accept} (JSON when there is none; 406 for what it cannot give),
 *       written in the service's wire shape, with {@code @href}/{@code @rel} links;</li>
 *   <li>{@code Authorization: Bearer} {@link #token()} required (401 without it or with another),
 *       403 for a chat of another agent session, 404 for an unknown chat, 400 without {@code v=1},
 *       405 for a method other than GET or HEAD;</li>
 *   <li>{@link #addChat(ChatInfo)} serves a chat as if it had just been updated: its times move
 *       to the server's clock ({@link #addChatAsIs(ChatInfo)} keeps them);</li>
 *   <li>{@link #update} moves {@code lastUpdate} to the server's clock; a waiting or chatting chat
 *       whose {@code chatTimeout} has passed since it was added or last updated answers
 *       {@code ended}, with typing unknown and no time-out, as the service does;</li>
 *   <li>{@link #script(ChatRef)}: a chat's timeline, applied as the server's clock passes each
 *       step;</li>
 *   <li>{@link Fault}s scripted per request or per chat; every request recorded
 *       ({@link #requests()}), with the {@code Authorization} value masked.</li>
 * </ul>
 *
 * <pre>{@code
 * try (FakeChatServer server = FakeChatServer.start()) {
 *   ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
 *   server.enqueue(Fault.status(503));                         // the next request fails once
 *   ChatInfoSource source = ... server.baseUrl() ... server.token() ...;
 *   ChatInfo info = source.fetch(ref);
 *   ChatInfoAssertions.assertThat(info).isChatting().hasAgentName("Barber");
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server and its threads and is idempotent.
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver}. It writes the response headers and
 * the body in separate writes, so a client on a connection it keeps open may wait for Nagle's
 * algorithm and the peer's delayed acknowledgement (about 40 ms per response on Linux) before the
 * body arrives. Functional tests do not notice; a test that counts milliseconds, or a benchmark,
 * runs the JVM with {@code -Dsun.net.httpserver.nodelay=true} (set before the first server starts),
 * which turns Nagle off on the server's sockets.
 */
public final class FakeChatServer implements AutoCloseable {

  /** The account of the chats added with {@link #addChat(ChatInfo)}. */
  public static final String DEFAULT_ACCOUNT_ID = "56072331";

  /** The agent session of the chats added with {@link #addChat(ChatInfo)}. */
  public static final String DEFAULT_AGENT_SESSION_ID = "ad0b0e5a-fake-agent-session";


  private final HttpServer http;
  private final ExecutorService executor;
  private final Clock clock;
  private final URI baseUrl;
  private final AtomicReference<String> token = new AtomicReference<>();
  private final AtomicLong chatIds = new AtomicLong(3128476291385426589L);
  private final ServedChats chats = new ServedChats();
  private final FaultQueue faults = new FaultQueue();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeChatServer(Clock clock, int port) throws IOException {
    this.clock = clock;
    this.token.set(newToken());
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    int bound = http.getAddress().getPort();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "fake-chat-server-" + bound + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newCachedThreadPool(factory);
    http.setExecutor(executor);
    http.createContext("/", new InfoHandler(clock, token::get, chats, faults, requests));
    http.start();
    this.baseUrl = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  /**
   * Starts a server on 127.0.0.1, on a free port, with the system clock.
   *
   * @return the started server
   * @throws UncheckedIOException if no socket can be opened
   */
  public static FakeChatServer start() {
    return start(Clock.systemUTC());
  }

  /**
   * Starts a server whose time (lastUpdate on {@link #update}, time-outs, recorded request times)
   * is the given clock's: pass a {@link SettableClock} to move time in a test.
   *
   * @param clock the server's clock
   * @return the started server
   * @throws UncheckedIOException if no socket can be opened
   */
  public static FakeChatServer start(Clock clock) {
    return start(clock, 0);
  }

  /**
   * Starts a server on a given port of 127.0.0.1, for a server that other programs are told to
   * reach (the {@code chatinfo serve} command, say); tests should use a free port.
   *
   * <pre>{@code
   * FakeChatServer server = FakeChatServer.start(Clock.systemUTC(), 8080); // http://127.0.0.1:8080/
   * }</pre>
   *
   * @param clock the server's clock
   * @param port the port, from 1 to 65535, or 0 for a free one
   * @return the started server
   * @throws IllegalArgumentException if the port is out of range
   * @throws UncheckedIOException if the port cannot be bound (taken, say)
   */
  public static FakeChatServer start(Clock clock, int port) {
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a port is 0 (a free one) or from 1 to 65535, not " + port);
    }
    try {
      return new FakeChatServer(clock, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake chat server on 127.0.0.1"
          + (port == 0 ? "" : ":" + port) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The server's base URL, {@code http://127.0.0.1:<port>/}.
   *
   * @return the base URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The full URL of a chat's info resource, with {@code ?v=1&NC=true}.
   *
   * @param chat the chat
   * @return the URL
   */
  public URI infoUrl(ChatRef chat) {
    return baseUrl.resolve(infoPath(chat) + "?v=1&NC=true");
  }

  /**
   * The bearer token the server accepts now.
   *
   * @return the token
   */
  public String token() {
    return token.get();
  }

  /**
   * Makes the server accept a new token (and refuse the old one from now on), as when an agent
   * session is renewed.
   *
   * @return the new token
   */
  public String rotateToken() {
    String next = newToken();
    token.set(next);
    return next;
  }

  /**
   * The server's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Adds a chat of the default account and agent session, under a new chat id, as if it had just
   * been updated: its times move so that {@code lastUpdate} is the server clock's now (to the
   * millisecond, in the offset it had) and {@code startTime} keeps its distance before it. So a
   * fixture's {@link ChatInfo#expiresAt()} is {@code chatTimeout} after now, not in 2018. Without
   * {@code lastUpdate}, {@code startTime} moves to now. When the chat has no links, it gets the
   * service's four links ({@code self}, {@code visitor-name}, {@code visitor-typing},
   * {@code agent-typing}) pointing at this server.
   *
   * <pre>{@code
   * ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
   * server.chat(ref).expiresAt();   // the server clock's now + 40 s
   * }</pre>
   *
   * @param info the chat
   * @return the reference to fetch it with
   * @see #addChatAsIs(ChatInfo)
   */
  public ChatRef addChat(ChatInfo info) {
    return addChat(newRef(), info);
  }

  /**
   * Adds (or replaces) a chat under the given reference: use another agent session to get 403 for
   * it from the default one. Times move and links are added as in {@link #addChat(ChatInfo)}.
   *
   * @param ref the reference, with the account and agent session that own the chat
   * @param info the chat
   * @return {@code ref}
   */
  public ChatRef addChat(ChatRef ref, ChatInfo info) {
    Objects.requireNonNull(info, "info");
    return put(ref, movedTo(info, clock.instant()));
  }

  /**
   * Adds a chat of the default account and agent session, under a new chat id, with its times
   * exactly as given (links are added as in {@link #addChat(ChatInfo)}). Its time-out still runs
   * from now.
   *
   * @param info the chat
   * @return the reference to fetch it with
   */
  public ChatRef addChatAsIs(ChatInfo info) {
    return addChatAsIs(newRef(), info);
  }

  /**
   * Adds (or replaces) a chat under the given reference with its times exactly as given.
   *
   * @param ref the reference, with the account and agent session that own the chat
   * @param info the chat
   * @return {@code ref}
   */
  public ChatRef addChatAsIs(ChatRef ref, ChatInfo info) {
    Objects.requireNonNull(info, "info");
    return put(ref, info);
  }

  /**
   * Starts a timeline for a chat: each {@link ChatScript#after step} changes the chat when the
   * server's clock has passed it, as {@link #update} would at that moment ({@code lastUpdate}
   * becomes the step's time). With a {@link SettableClock}, move the clock and the next request
   * sees every step passed; with the system clock, the steps happen in real time.
   *
   * <pre>{@code
   * ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
   * server.script(ref)
   *     .after(Duration.ofSeconds(5), info -> info.toBuilder().state(ChatState.CHATTING).agentName("Barber").build())
   *     .after(Duration.ofSeconds(3), info -> info.toBuilder().visitorTyping(TypingStatus.TYPING).build())
   *     .after(Duration.ofSeconds(10), info -> info.toBuilder().state(ChatState.ENDED).build());
   * clock.advance(Duration.ofSeconds(8));   // the chat is chatting, and the visitor typing
   * }</pre>
   *
   * @param ref the chat
   * @return the chat's script, whose first step counts from the server clock's now
   * @throws IllegalArgumentException if there is no such chat
   */
  public ChatScript script(ChatRef ref) {
    Instant now = clock.instant();
    chats.stored(ref, now);
    return new ChatScript(this, ref, now);
  }

  /** Adds a step to a chat's script; called by {@link ChatScript}. */
  void schedule(ChatRef ref, Instant at, UnaryOperator<ChatInfo> change) {
    chats.schedule(ref, at, change);
  }

  private ChatRef newRef() {
    long n = chatIds.getAndIncrement();
    return ChatRef.of(DEFAULT_ACCOUNT_ID, DEFAULT_AGENT_SESSION_ID, "H" + n + "-" + Long.toHexString(n % 0xffff));
  }

  private ChatRef put(ChatRef ref, ChatInfo info) {
    Objects.requireNonNull(ref, "ref");
    ChatInfo stored = info.links().isEmpty() ? info.toBuilder().links(linksOf(ref)).build() : info;
    chats.put(ref, stored, clock.instant());
    return ref;
  }

  /** The chat with its times moved so that lastUpdate (or else startTime) is now, to the millisecond. */
  private static ChatInfo movedTo(ChatInfo info, Instant now) {
    Instant anchor = info.lastUpdate().or(info::startTime).map(OffsetDateTime::toInstant).orElse(null);
    if (anchor == null) {
      return info;
    }
    Duration shift = Duration.between(anchor, now.truncatedTo(ChronoUnit.MILLIS));
    return info.toBuilder()
        .startTime(info.startTime().map(t -> t.plus(shift)).orElse(null))
        .lastUpdate(info.lastUpdate().map(t -> t.plus(shift)).orElse(null))
        .build();
  }

  /**
   * What the server answers for a chat now ({@code ended} once its time-out has passed).
   *
   * @param ref the chat
   * @return the chat information as served
   * @throws IllegalArgumentException if there is no such chat
   */
  public ChatInfo chat(ChatRef ref) {
    Instant now = clock.instant();
    return ServedChats.served(chats.stored(ref, now), now);
  }

  /**
   * Changes a chat, as the service does when something happens in it: {@code change} gets the
   * chat as served now, and the result gets {@code lastUpdate} set to the server's clock (in the
   * previous {@code lastUpdate}'s offset). {@code change} must not call this server.
   *
   * <pre>{@code
   * server.update(ref, info -> info.toBuilder().visitorTyping(TypingStatus.TYPING).build());
   * }</pre>
   *
   * @param ref the chat
   * @param change the change
   * @return the chat as served after the change
   * @throws IllegalArgumentException if there is no such chat
   */
  public ChatInfo update(ChatRef ref, UnaryOperator<ChatInfo> change) {
    Objects.requireNonNull(change, "change");
    return chats.update(ref, change, clock.instant());
  }

  /**
   * Removes a chat: it answers 404 from now on.
   *
   * @param ref the chat
   */
  public void removeChat(ChatRef ref) {
    chats.remove(ref);
  }

  /**
   * Queues faults for the next requests, whatever they ask for, one fault per request, in order.
   *
   * @param faults the faults
   */
  public void enqueue(Fault... faults) {
    this.faults.enqueue(faults);
  }

  /**
   * Queues faults for the next requests for one chat, one fault per request, in order. They come
   * before the faults queued for every request.
   *
   * @param chat the chat
   * @param faults the faults
   */
  public void enqueue(ChatRef chat, Fault... faults) {
    Objects.requireNonNull(chat, "chat");
    this.faults.enqueue(chat, faults);
  }

  /**
   * Applies a fault to every request until {@link #clearFaults()}: a service that is down.
   *
   * @param fault the fault
   */
  public void failEveryRequest(Fault fault) {
    faults.failEveryRequest(fault);
  }

  /** Removes every queued and permanent fault. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * The requests received so far, in order of arrival.
   *
   * @return a copy of the list
   */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Forgets the requests recorded so far. */
  public void clearRequests() {
    requests.clear();
  }

  /** Stops the server and its threads at once. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "FakeChatServer[" + baseUrl + ", " + chats.size() + " chats" + (closed.get() ? ", closed" : "") + "]";
  }

  private List<Link> linksOf(ChatRef ref) {
    String base = baseUrl.resolve(infoPath(ref)).toString();
    String chat = base.substring(0, base.length() - "info".length());
    return List.of(new Link(Link.SELF, base), new Link(Link.VISITOR_NAME, chat + "visitorName"),
        new Link(Link.VISITOR_TYPING, chat + "visitorTyping"), new Link(Link.AGENT_TYPING, chat + "agentTyping"));
  }

  private static String infoPath(ChatRef chat) {
    return "/api/account/" + chat.accountId() + "/agentSession/" + chat.agentSessionId()
        + "/chat/" + chat.chatId() + "/info";
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "fake-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
