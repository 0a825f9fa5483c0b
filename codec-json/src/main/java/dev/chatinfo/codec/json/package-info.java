/**
 * The JSON codec: {@link dev.chatinfo.codec.json.MoshiChatInfoCodec}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.codec.json;
