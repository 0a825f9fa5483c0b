/**
 * {@link dev.chatinfo.transport.retrofit.RetrofitTransport}: the client's transport over Retrofit
 * and OkHttp, named {@code "retrofit"}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.transport.retrofit;
