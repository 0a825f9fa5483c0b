/**
 * The fake LivePerson chat server, its faults and recorded requests, fixtures and assertions.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 * {@link dev.chatinfo.testkit.FakeChatServer} is thread-safe; assertion objects are not.
 */
package dev.chatinfo.testkit;
