package dev.chatinfo.testkit.watch;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.watch.ChatEvent;
import dev.chatinfo.watch.ChatField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on a timeline of {@link ChatEvent}s. {@link #startsWith}, {@link #then} and
 * {@link #endsWith} walk the timeline: each {@code then} looks for its event after the one the
 * previous step matched, skipping others (polling brings {@code LAST_UPDATE} changes and the like
 * that a test rarely cares about); {@link #thenNext} allows no event in between.
 *
 * <p>A failure shows the steps matched so far and the whole timeline, one event per line, e.g.
 * {@code CHANGED[STATE, AGENT] chat-a}.
 */
public final class ChatEventsAssert {

  private final List<ChatEvent> events;
  private final List<String> steps = new ArrayList<>();
  /** Index of the next event a step may match. */
  private int cursor;

  ChatEventsAssert(List<ChatEvent> events) {
    this.events = events;
  }

  /**
   * The first event is of this kind (a {@code CHANGED} naming at least {@code fields}).
   *
   * @param kind the kind
   * @param fields for {@code CHANGED}: fields it must name (all of them)
   * @return this
   */
  public ChatEventsAssert startsWith(ChatEventKind kind, ChatField... fields) {
    String step = describe(kind, fields);
    if (events.isEmpty() || !matches(events.get(0), kind, fields)) {
      fail("expected the events to start with " + step, step, events.isEmpty() ? "no event" : line(events.get(0)));
    }
    steps.add(step);
    cursor = 1;
    return this;
  }

  /**
   * Some later event (after the last one matched) is of this kind.
   *
   * @param kind the kind
   * @param fields for {@code CHANGED}: fields it must name (all of them)
   * @return this
   */
  public ChatEventsAssert then(ChatEventKind kind, ChatField... fields) {
    String step = describe(kind, fields);
    for (int i = cursor; i < events.size(); i++) {
      if (matches(events.get(i), kind, fields)) {
        steps.add(step);
        cursor = i + 1;
        return this;
      }
    }
    fail("expected " + path(step) + " but no such event came after " + afterWhat(), path(step), timeline());
    return this;
  }

  /**
   * The very next event (right after the last one matched) is of this kind.
   *
   * @param kind the kind
   * @param fields for {@code CHANGED}: fields it must name (all of them)
   * @return this
   */
  public ChatEventsAssert thenNext(ChatEventKind kind, ChatField... fields) {
    String step = describe(kind, fields);
    if (cursor >= events.size() || !matches(events.get(cursor), kind, fields)) {
      fail("expected " + path(step) + " with nothing in between, but the next event after " + afterWhat()
          + " is " + (cursor >= events.size() ? "none" : line(events.get(cursor))), path(step), timeline());
    }
    steps.add(step);
    cursor++;
    return this;
  }

  /**
   * The last event is of this kind, and comes after every step matched so far.
   *
   * @param kind the kind
   * @param fields for {@code CHANGED}: fields it must name (all of them)
   * @return this
   */
  public ChatEventsAssert endsWith(ChatEventKind kind, ChatField... fields) {
    String step = describe(kind, fields);
    int last = events.size() - 1;
    if (last < cursor || !matches(events.get(last), kind, fields)) {
      fail("expected the events to end with " + step + (steps.isEmpty() ? "" : " after " + afterWhat()),
          path(step), timeline());
    }
    steps.add(step);
    cursor = events.size();
    return this;
  }

  /**
   * The events are exactly of these kinds, in this order.
   *
   * @param kinds the kinds
   * @return this
   */
  public ChatEventsAssert containsExactlyKinds(ChatEventKind... kinds) {
    List<ChatEventKind> expected = List.of(kinds);
    List<ChatEventKind> actual = events.stream().map(ChatEventKind::of).collect(Collectors.toList());
    if (!expected.equals(actual)) {
      fail("expected exactly the events " + expected, expected.toString(), actual.toString());
    }
    return this;
  }

  /**
   * No event is of this kind.
   *
   * @param kind the kind
   * @return this
   */
  public ChatEventsAssert hasNo(ChatEventKind kind) {
    List<String> found = events.stream().filter(kind::matches).map(ChatEventsAssert::line)
        .collect(Collectors.toList());
    if (!found.isEmpty()) {
      fail("expected no " + kind + " event but found " + found.size(), "no " + kind, timeline());
    }
    return this;
  }

  /**
   * There are exactly this many events.
   *
   * @param count the count
   * @return this
   */
  public ChatEventsAssert hasSize(int count) {
    if (events.size() != count) {
      fail("expected " + count + " events but got " + events.size(), count + " events", timeline());
    }
    return this;
  }

  /**
   * Continues with the events of one chat only (a new walk from its first event).
   *
   * @param chat the chat
   * @return assertions on its events
   */
  public ChatEventsAssert forChat(ChatRef chat) {
    Objects.requireNonNull(chat, "chat");
    return new ChatEventsAssert(events.stream().filter(e -> e.chat().equals(chat))
        .collect(Collectors.toUnmodifiableList()));
  }

  private static boolean matches(ChatEvent event, ChatEventKind kind, ChatField... fields) {
    if (!kind.matches(event)) {
      return false;
    }
    if (fields.length == 0) {
      return true;
    }
    if (!(event instanceof ChatEvent.Changed)) {
      throw new IllegalArgumentException("fields can only be asked of CHANGED, not of " + kind);
    }
    return ((ChatEvent.Changed) event).fields().containsAll(List.of(fields));
  }

  private static String describe(ChatEventKind kind, ChatField... fields) {
    Objects.requireNonNull(kind, "kind");
    if (fields.length == 0) {
      return kind.name();
    }
    Set<ChatField> set = EnumSet.noneOf(ChatField.class);
    set.addAll(List.of(fields));
    return kind.name() + set;
  }

  private String path(String step) {
    List<String> all = new ArrayList<>(steps);
    all.add(step);
    return String.join(", then ", all);
  }

  private String afterWhat() {
    return steps.isEmpty() ? "the start" : steps.get(steps.size() - 1) + " (event " + cursor + ")";
  }

  /** One event per line, numbered from 1: what IDEs show as "actual". */
  private String timeline() {
    if (events.isEmpty()) {
      return "no event";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      b.append(i + 1).append(". ").append(line(events.get(i))).append('\n');
    }
    return b.toString().trim();
  }

  static String line(ChatEvent event) {
    String kind = ChatEventKind.of(event).name();
    if (event instanceof ChatEvent.Changed) {
      kind += ((ChatEvent.Changed) event).fields();
    } else if (event instanceof ChatEvent.Gone) {
      kind += "(" + ((ChatEvent.Gone) event).cause().kind() + ")";
    } else if (event instanceof ChatEvent.Unreachable) {
      kind += "(" + ((ChatEvent.Unreachable) event).cause().kind() + ")";
    }
    return kind + " " + event.chat().chatId() + " at " + event.at();
  }

  private void fail(String message, String expected, String actual) {
    throw new AssertionFailedError(message + "\nevents:\n" + timeline(), expected, actual);
  }
}
