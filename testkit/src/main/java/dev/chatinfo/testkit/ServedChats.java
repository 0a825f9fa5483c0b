package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The chats of a {@link FakeChatServer} and their timelines: each chat as it was stored or last
 * changed, when that was, and the scripted changes still to come ({@link ChatScript}). Every read
 * is at a time of the server's clock: the steps due by then are applied first, in order, and a
 * waiting or chatting chat whose time-out has passed answers {@code ended}, as the service does.
 * Chats are keyed by account and chat id. Thread-safe.
 */
final class ServedChats {

  /**
   * A stored chat: who owns it, what it is, when the server last touched it, and the scripted
   * changes still to come, in time order.
   */
  record Chat(ChatRef ref, ChatInfo info, Instant touched, List<Step> steps) {}

  /** A scripted change, due at a time of the server's clock. */
  record Step(Instant at, UnaryOperator<ChatInfo> change) {}

  private final Map<String, Chat> chats = new ConcurrentHashMap<>();

  /** The key of a chat: its account and chat id. */
  static String key(String accountId, String chatId) {
    return accountId + '/' + chatId;
  }

  private static String key(ChatRef ref) {
    return key(ref.accountId(), ref.chatId());
  }

  /** Stores (or replaces) a chat, touched at {@code now}, with no script. */
  void put(ChatRef ref, ChatInfo info, Instant now) {
    chats.put(key(ref), new Chat(ref, info, now, List.of()));
  }

  /** Forgets a chat. */
  void remove(ChatRef ref) {
    chats.remove(key(ref));
  }

  /** How many chats are stored. */
  int size() {
    return chats.size();
  }

  /**
   * Adds a step to a chat's script, in time order (after the steps due at the same time).
   *
   * @throws IllegalArgumentException if there is no such chat
   */
  void schedule(ChatRef ref, Instant at, UnaryOperator<ChatInfo> change) {
    chats.compute(key(ref), (k, chat) -> {
      requireSame(chat, ref);
      List<Step> steps = new ArrayList<>(chat.steps());
      int i = steps.size();
      while (i > 0 && steps.get(i - 1).at().isAfter(at)) {
        i--;
      }
      steps.add(i, new Step(at, change));
      return new Chat(chat.ref(), chat.info(), chat.touched(), List.copyOf(steps));
    });
  }

  /**
   * Changes a chat at {@code now}, after its due steps: {@code change} gets the chat as served
   * then, and the result's {@code lastUpdate} is {@code now}.
   *
   * @return the chat as served after the change
   * @throws IllegalArgumentException if there is no such chat
   */
  ChatInfo update(ChatRef ref, UnaryOperator<ChatInfo> change, Instant now) {
    Chat changed = chats.compute(key(ref), (k, chat) -> {
      requireSame(chat, ref);
      return applied(due(chat, now), now, change);
    });
    return served(changed, now);
  }

  /**
   * The stored chat under {@code key}, brought up to {@code now} by its script.
   *
   * @return the chat, or null if none
   */
  Chat current(String key, Instant now) {
    Chat chat = chats.get(key);
    if (chat == null || chat.steps().isEmpty() || chat.steps().get(0).at().isAfter(now)) {
      return chat;
    }
    return chats.computeIfPresent(key, (k, c) -> due(c, now));
  }

  /**
   * The stored chat of {@code ref}, brought up to {@code now} by its script.
   *
   * @throws IllegalArgumentException if there is no such chat
   */
  Chat stored(ChatRef ref, Instant now) {
    Chat chat = current(key(ref), now);
    requireSame(chat, ref);
    return chat;
  }

  private static void requireSame(Chat chat, ChatRef ref) {
    if (chat == null || !chat.ref().equals(ref)) {
      throw new IllegalArgumentException("no chat " + ref + " on this server");
    }
  }

  /**
   * The chat as served at {@code now}: a waiting or chatting chat whose time-out has passed since
   * it was last touched has ended then, like any ended chat: typing unknown, no time-out.
   */
  static ChatInfo served(Chat chat, Instant now) {
    ChatInfo info = chat.info();
    if (info.isActive() && info.chatTimeout().isPresent()) {
      Instant end = chat.touched().plus(info.chatTimeout().get());
      if (now.isAfter(end)) {
        ZoneOffset offset = info.lastUpdate().map(OffsetDateTime::getOffset).orElse(ZoneOffset.UTC);
        return info.toBuilder().state(ChatState.ENDED).agentTyping(TypingStatus.UNKNOWN)
            .visitorTyping(TypingStatus.UNKNOWN).chatTimeout(null)
            .lastUpdate(OffsetDateTime.ofInstant(end.truncatedTo(ChronoUnit.MILLIS), offset)).build();
      }
    }
    return info;
  }

  /** {@code change} applied to the chat as served at {@code at}, with lastUpdate moved to {@code at}. */
  private static Chat applied(Chat chat, Instant at, UnaryOperator<ChatInfo> change) {
    ChatInfo changed = Objects.requireNonNull(change.apply(served(chat, at)), "change returned null");
    ZoneOffset offset = changed.lastUpdate().map(OffsetDateTime::getOffset).orElse(ZoneOffset.UTC);
    return new Chat(chat.ref(), changed.toBuilder().lastUpdate(OffsetDateTime.ofInstant(at, offset)).build(), at,
        chat.steps());
  }

  /** The chat with every scripted step due by {@code now} applied, in order. */
  private static Chat due(Chat chat, Instant now) {
    Chat result = chat;
    while (!result.steps().isEmpty() && !result.steps().get(0).at().isAfter(now)) {
      Step step = result.steps().get(0);
      Chat rest = new Chat(result.ref(), result.info(), result.touched(),
          result.steps().subList(1, result.steps().size()));
      result = applied(rest, step.at(), step.change());
    }
    return result;
  }
}
