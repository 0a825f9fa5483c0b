/**
 * JUnit 5 support: {@link dev.chatinfo.testkit.junit.FakeChatServerExtension}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.testkit.junit;
