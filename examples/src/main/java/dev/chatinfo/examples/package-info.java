/**
 * The {@code chatinfo} program and examples to copy.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method says so.
 */
package dev.chatinfo.examples;
