/**
 * Watching many chats: {@link dev.chatinfo.watch.ChatWatcher} polls any
 * {@link dev.chatinfo.api.ChatInfoSource} for a set of chats and publishes what changed as
 * {@link dev.chatinfo.watch.ChatEvent}s, a standard {@link java.util.concurrent.Flow.Publisher}.
 *
 * <p>Depends on {@code dev.chatinfo.api} only, so it works over {@code ChatInfoClient} with either
 * transport and over a user's own (fake) source.
 */
module dev.chatinfo.watch {
  requires transitive dev.chatinfo.api;

  exports dev.chatinfo.watch;
}
