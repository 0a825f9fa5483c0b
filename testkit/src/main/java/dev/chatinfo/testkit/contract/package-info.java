/**
 * Abstract JUnit 5 tests that an implementation extends to prove it keeps the chatinfo contract:
 * {@link dev.chatinfo.testkit.contract.ChatInfoCodecContract} for codecs,
 * {@link dev.chatinfo.testkit.contract.ChatInfoSourceContract} for sources.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.testkit.contract;
