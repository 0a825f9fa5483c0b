/**
 * {@link dev.chatinfo.client.ChatInfoClient}: the one {@link dev.chatinfo.api.ChatInfoSource}
 * users build, over a pluggable transport.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 * {@code ChatInfoClient} is thread-safe; its builder is not.
 */
package dev.chatinfo.client;
