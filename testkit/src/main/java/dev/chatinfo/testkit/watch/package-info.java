/**
 * Testing code that watches chats with {@code chatinfo-watch}: fluent assertions on a list of
 * {@link dev.chatinfo.watch.ChatEvent}s ({@link dev.chatinfo.testkit.watch.ChatEventAssertions})
 * and a subscriber that records them ({@link dev.chatinfo.testkit.watch.ChatEventRecorder}).
 *
 * <pre>{@code
 * ChatEventRecorder events = ChatEventRecorder.subscribeTo(watcher);
 * watcher.watch(chat);
 * assertThat(events.awaitEvents(3, Duration.ofSeconds(5)))
 *     .startsWith(STARTED).then(CHANGED, ChatField.STATE).endsWith(ENDED);
 * }</pre>
 *
 * <p>Only this package uses {@code chatinfo-watch}, an optional dependency of the testkit: add
 * {@code chatinfo-watch} to use it; the rest of the testkit never loads it. Nothing in this package
 * accepts or returns {@code null}. {@link dev.chatinfo.testkit.watch.ChatEventRecorder} is
 * thread-safe; assertion objects are not.
 */
package dev.chatinfo.testkit.watch;
