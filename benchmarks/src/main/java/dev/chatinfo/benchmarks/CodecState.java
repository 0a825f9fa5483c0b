package dev.chatinfo.benchmarks;

import java.util.List;

/** The contenders of one format, checked against each other before they are measured. */
public abstract class CodecState {

  /** The body read by the decode benchmarks. */
  byte[] body;
  /** The value written by the encode benchmarks: what the body holds. */
  dev.chatinfo.api.ChatInfo info;

  /**
   * Builds the contenders and checks them all, or fails the run.
   *
   * @param all the contenders, chatinfo's codec first
   * @param payloads the payload set being measured
   * @param payload its body of this format
   * @return the contenders, in the same order
   */
  List<Contender> checked(List<Contender> all, Payloads payloads, byte[] payload) {
    Contender codec = all.get(0);
    for (Contender c : all) {
      Contenders.check(codec, c, payload);
    }
    body = payload;
    info = payloads.expected;
    return all;
  }
}
