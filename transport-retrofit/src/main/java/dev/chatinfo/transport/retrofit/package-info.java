/**
 * {@link dev.chatinfo.transport.retrofit.RetrofitChatInfoSource}, the production
 * {@link dev.chatinfo.api.ChatInfoSource}, and the Retrofit converter that adapts any
 * {@link dev.chatinfo.api.codec.ChatInfoCodec}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so. Sources are
 * thread-safe; builders are not.
 */
package dev.chatinfo.transport.retrofit;
