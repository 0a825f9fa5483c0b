package dev.chatinfo.examples;

/** A command that talks to LivePerson: its options decide how failures are printed. */
interface HasClientOptions {
  ClientOptions clientOptions();
}
