/**
 * The chatinfo model and port.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so: absent
 * values are {@link java.util.Optional}, {@link java.util.OptionalLong} or a documented default.
 * Every type is immutable and thread-safe, except {@link dev.chatinfo.api.ChatInfo.Builder}.
 */
package dev.chatinfo.api;
