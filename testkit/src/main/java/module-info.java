/**
 * The chatinfo testkit: everything needed to test code that asks chatinfo about chats, without a
 * LivePerson account and without mocks.
 *
 * <ul>
 *   <li>{@link dev.chatinfo.testkit.FakeChatServer}: a fake LivePerson chat server, real HTTP on
 *       127.0.0.1, JSON and XML, bearer auth, a settable clock and scriptable
 *       {@link dev.chatinfo.testkit.Fault faults};</li>
 *   <li>{@link dev.chatinfo.testkit.ChatInfoFixtures}: realistic chats in each state;</li>
 *   <li>{@link dev.chatinfo.testkit.ChatInfoAssertions}: fluent assertions that read like the domain;</li>
 *   <li>{@link dev.chatinfo.testkit.junit.FakeChatServerExtension}: a started server per test;</li>
 *   <li>{@link dev.chatinfo.testkit.contract.ChatInfoCodecContract} and
 *       {@link dev.chatinfo.testkit.contract.ChatInfoSourceContract}: abstract tests that any codec
 *       or source extends to prove it keeps the chatinfo contract;</li>
 *   <li>{@link dev.chatinfo.testkit.watch.ChatEventAssertions} and
 *       {@link dev.chatinfo.testkit.watch.ChatEventRecorder}: for code that watches chats (only
 *       with the optional {@code chatinfo-watch}).</li>
 * </ul>
 *
 * <p>Needs only {@code dev.chatinfo.api}, the JDK ({@code jdk.httpserver}, {@code java.net.http}), the
 * JUnit 5 API and opentest4j:
 * no Kotlin, OkHttp or Retrofit reaches the test class path through it.
 */
module dev.chatinfo.testkit {
  requires transitive dev.chatinfo.api;
  requires transitive org.junit.jupiter.api;
  requires transitive org.opentest4j;
  requires jdk.httpserver;
  requires java.net.http;
  // Optional: only dev.chatinfo.testkit.watch uses it; a user without chatinfo-watch gets nothing new.
  requires static dev.chatinfo.watch;

  exports dev.chatinfo.testkit;
  exports dev.chatinfo.testkit.junit;
  exports dev.chatinfo.testkit.contract;
  exports dev.chatinfo.testkit.watch;

  // JUnit discovers and calls the inherited test methods of the contracts reflectively.
  opens dev.chatinfo.testkit.contract to org.junit.platform.commons;
}
