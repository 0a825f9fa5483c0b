package dev.chatinfo.testkit.watch;

import dev.chatinfo.watch.ChatEvent;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of the assertions on chat events.
 *
 * <pre>{@code
 * import static dev.chatinfo.testkit.watch.ChatEventAssertions.assertThat;
 * import static dev.chatinfo.testkit.watch.ChatEventKind.*;
 *
 * assertThat(recorder.events())
 *     .startsWith(STARTED).then(CHANGED, ChatField.AGENT).then(EXPIRING_SOON).endsWith(ENDED);
 * assertThat(recorder.events()).forChat(chat).containsExactlyKinds(STARTED, ENDED);
 * }</pre>
 */
public final class ChatEventAssertions {

  private ChatEventAssertions() {}

  /**
   * Starts assertions on events, in the order they were received. Each failing check throws an
   * {@link org.opentest4j.AssertionFailedError} with the expected and the actual timeline.
   *
   * @param events the events under test
   * @return the assertions
   */
  public static ChatEventsAssert assertThat(List<? extends ChatEvent> events) {
    return new ChatEventsAssert(List.copyOf(Objects.requireNonNull(events, "events")));
  }
}
