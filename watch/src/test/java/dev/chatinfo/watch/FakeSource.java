package dev.chatinfo.watch;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A hand-written {@link ChatInfoSource} for the watcher's tests: answers what it is told, at once
 * or when the test completes the fetch ({@link #holdAnswers()}), and records every fetch.
 */
final class FakeSource implements ChatInfoSource {

  /** One fetch the watcher made. */
  record Fetch(ChatRef chat, Instant at) {}

  private final Supplier<Instant> now;
  private final Map<ChatRef, Object> answers = new HashMap<>();
  private final Map<ChatRef, Queue<Object>> next = new HashMap<>();
  private final List<Fetch> fetches = new ArrayList<>();
  private final List<CompletableFuture<ChatInfo>> held = new ArrayList<>();
  private final Map<ChatRef, Integer> inFlight = new HashMap<>();
  private int maxInFlightOfOneChat;
  private int maxInFlightOverall;
  private boolean hold;
  private boolean closed;

  FakeSource(Supplier<Instant> now) {
    this.now = now;
  }

  /** From now on, every fetch of the chat answers this. */
  void answer(ChatRef chat, ChatInfo info) {
    answers.put(chat, info);
  }

  /** From now on, every fetch of the chat fails with this. */
  void fail(ChatRef chat, ChatInfoException failure) {
    answers.put(chat, failure);
  }

  /** From now on, every fetch of the chat answers what this makes of the fetch's time. */
  void answerWith(ChatRef chat, Function<Instant, ChatInfo> answer) {
    answers.put(chat, answer);
  }

  /** The next fetches of the chat answer these, in order, before the standing answer again. */
  void thenAnswer(ChatRef chat, Object... infoOrFailure) {
    Queue<Object> q = next.computeIfAbsent(chat, c -> new ArrayDeque<>());
    for (Object o : infoOrFailure) {
      q.add(o);
    }
  }

  /** Fetches stay in flight until {@link #completeHeld()}. */
  void holdAnswers() {
    hold = true;
  }

  /** Completes every held fetch with its answer, in the order they were made. */
  void completeHeld() {
    List<CompletableFuture<ChatInfo>> all = new ArrayList<>(held);
    held.clear();
    all.forEach(f -> f.complete(null));
  }

  /** Completes the oldest held fetch. */
  void completeOneHeld() {
    held.remove(0).complete(null);
  }

  int heldCount() {
    return held.size();
  }

  List<Fetch> fetches() {
    return List.copyOf(fetches);
  }

  List<Instant> fetchTimes(ChatRef chat) {
    return fetches.stream().filter(f -> f.chat().equals(chat)).map(Fetch::at).collect(Collectors.toList());
  }

  int maxInFlightOfOneChat() {
    return maxInFlightOfOneChat;
  }

  int maxInFlightOverall() {
    return maxInFlightOverall;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public ChatInfo fetch(ChatRef chat) {
    return fetchAsync(chat).join();
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
    fetches.add(new Fetch(chat, now.get()));
    int n = inFlight.merge(chat, 1, Integer::sum);
    maxInFlightOfOneChat = Math.max(maxInFlightOfOneChat, n);
    maxInFlightOverall = Math.max(maxInFlightOverall,
        inFlight.values().stream().mapToInt(Integer::intValue).sum());
    Queue<Object> q = next.get(chat);
    Object given = q != null && !q.isEmpty() ? q.poll() : answers.get(chat);
    Object answer = given instanceof Function
        ? ((Function<Instant, ChatInfo>) given).apply(now.get()) : given;
    CompletableFuture<ChatInfo> result = new CompletableFuture<>();
    CompletableFuture<ChatInfo> trigger = new CompletableFuture<>();
    trigger.whenComplete((ignored, cancelled) -> {
      inFlight.merge(chat, -1, Integer::sum);
      if (answer instanceof ChatInfo) {
        result.complete((ChatInfo) answer);
      } else if (answer instanceof ChatInfoException) {
        result.completeExceptionally((ChatInfoException) answer);
      } else {
        result.completeExceptionally(new ChatInfoException(ChatInfoException.Kind.NOT_FOUND,
            "no answer set for " + chat.chatId()));
      }
    });
    result.whenComplete((info, failure) -> trigger.complete(null));
    if (hold) {
      held.add(trigger);
    } else {
      trigger.complete(null);
    }
    return result;
  }

  @Override
  public void close() {
    closed = true;
  }
}
