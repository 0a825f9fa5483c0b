/**
 * The JSON codec of chatinfo: reads and writes a chat's information as JSON, in the shape of
 * LivePerson's legacy Chat Agent API, with Moshi's streaming reader and writer.
 *
 * <p>Provides {@link dev.chatinfo.api.codec.ChatInfoCodec} as
 * {@link dev.chatinfo.codec.json.MoshiChatInfoCodec}, found by
 * {@link dev.chatinfo.api.codec.ChatInfoCodecs#installed()} on the module path, on the class path
 * ({@code META-INF/services}) and, through a service-loader mediator, in OSGi. No Moshi, Okio or
 * Kotlin type appears in its API.
 */
module dev.chatinfo.codec.json {
  requires transitive dev.chatinfo.api;
  requires com.squareup.moshi;
  requires okio;
  requires kotlin.stdlib;

  exports dev.chatinfo.codec.json;

  provides dev.chatinfo.api.codec.ChatInfoCodec with dev.chatinfo.codec.json.MoshiChatInfoCodec;
}
