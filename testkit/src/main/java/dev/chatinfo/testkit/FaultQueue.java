package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatRef;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults a {@link FakeChatServer} will apply: queued for one chat, queued for any request, or
 * applied to every request until cleared, taken in that order, one per request. Chats are keyed
 * by account and chat id, as the server stores them. Thread-safe.
 */
final class FaultQueue {

  private final Deque<Fault> anyRequest = new ConcurrentLinkedDeque<>();
  private final Map<String, Deque<Fault>> perChat = new ConcurrentHashMap<>();
  private final AtomicReference<Fault> everyRequest = new AtomicReference<>();

  /** Queues faults for the next requests, whatever they ask for. */
  void enqueue(Fault... faults) {
    for (Fault fault : faults) {
      anyRequest.addLast(Objects.requireNonNull(fault, "fault"));
    }
  }

  /** Queues faults for the next requests for one chat. */
  void enqueue(ChatRef chat, Fault... faults) {
    Deque<Fault> queue = perChat.computeIfAbsent(ServedChats.key(chat.accountId(), chat.chatId()),
        k -> new ConcurrentLinkedDeque<>());
    for (Fault fault : faults) {
      queue.addLast(Objects.requireNonNull(fault, "fault"));
    }
  }

  /** Applies a fault to every request until {@link #clear()}. */
  void failEveryRequest(Fault fault) {
    everyRequest.set(Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every queued and permanent fault. */
  void clear() {
    everyRequest.set(null);
    anyRequest.clear();
    perChat.clear();
  }

  /**
   * Takes the fault of the next request: the chat's next one, else the next one for any request,
   * else the permanent one.
   *
   * @param chatKey the chat the request asks for ({@link ServedChats#key}), or null if none
   * @return the fault, or null for none
   */
  Fault next(String chatKey) {
    if (chatKey != null) {
      Deque<Fault> queue = perChat.get(chatKey);
      Fault fault = queue == null ? null : queue.pollFirst();
      if (fault != null) {
        return fault;
      }
    }
    Fault fault = anyRequest.pollFirst();
    return fault != null ? fault : everyRequest.get();
  }
}
