/**
 * How the JSON codec reads and writes: Moshi's streaming reader and writer, and the byte-level
 * checks (UTF-8, text length) Moshi does not make. Not exported: nothing here is API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.codec.json.internal;
