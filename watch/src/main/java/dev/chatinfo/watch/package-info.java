/**
 * Watching chats: {@link dev.chatinfo.watch.ChatWatcher} and its {@link dev.chatinfo.watch.ChatEvent}s.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so. Events are
 * immutable; {@link dev.chatinfo.watch.ChatWatcher} is thread-safe.
 */
package dev.chatinfo.watch;
