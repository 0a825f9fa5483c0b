package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A chat's timeline on a {@link FakeChatServer}, for tests of code that polls: each step changes
 * the chat once the server's clock has passed it. Made by {@link FakeChatServer#script(ChatRef)}.
 *
 * <pre>{@code
 * server.script(ref)
 *     .after(Duration.ofSeconds(5), info -> info.toBuilder().state(ChatState.CHATTING).agentName("Barber").build())
 *     .after(Duration.ofSeconds(3), info -> info.toBuilder().visitorTyping(TypingStatus.TYPING).build())
 *     .after(Duration.ofSeconds(10), info -> info.toBuilder().state(ChatState.ENDED).build());
 * }</pre>
 *
 * <p>Each step counts from the one before it (the first from when the script was made), so the
 * steps above happen 5, 8 and 18 seconds in. A step works as {@link FakeChatServer#update} would at
 * the step's time: its function gets the chat as served then (ended, if its time-out had passed),
 * and {@code lastUpdate} becomes the step's time, which also restarts the time-out. Step functions
 * run inside the server and must not call it. Thread-safe.
 */
public final class ChatScript {

  private final FakeChatServer server;
  private final ChatRef ref;
  private final Object lock = new Object();
  private Instant last;

  ChatScript(FakeChatServer server, ChatRef ref, Instant start) {
    this.server = server;
    this.ref = ref;
    this.last = start;
  }

  /**
   * Adds a step: {@code change} happens {@code delay} after the previous step.
   *
   * @param delay how long after the previous step (or the script's start), not negative
   * @param change what happens to the chat
   * @return this script, for the next step
   * @throws IllegalArgumentException if {@code delay} is negative or the chat is gone
   */
  public ChatScript after(Duration delay, UnaryOperator<ChatInfo> change) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(change, "change");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    synchronized (lock) {
      Instant at = last.plus(delay);
      server.schedule(ref, at, change);
      last = at;
    }
    return this;
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "ChatScript[" + ref.chatId() + ", last step at " + last + "]";
    }
  }
}
