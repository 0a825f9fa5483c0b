package dev.chatinfo.watch;

import dev.chatinfo.api.ChatInfo;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What differs between two answers for one chat, as {@link ChatField}s. */
final class Changes {

  private Changes() {}

  /**
   * The fields that differ; empty when the two are equal.
   *
   * @param before the previous answer
   * @param after this answer
   * @return the differing fields
   */
  static Set<ChatField> between(ChatInfo before, ChatInfo after) {
    EnumSet<ChatField> fields = EnumSet.noneOf(ChatField.class);
    if (before.state() != after.state() || !before.rawState().equals(after.rawState())) {
      fields.add(ChatField.STATE);
    }
    if (!before.agentName().equals(after.agentName()) || !before.agentId().equals(after.agentId())) {
      fields.add(ChatField.AGENT);
    }
    if (before.agentTyping() != after.agentTyping()) {
      fields.add(ChatField.AGENT_TYPING);
    }
    if (before.visitorTyping() != after.visitorTyping()) {
      fields.add(ChatField.VISITOR_TYPING);
    }
    if (!before.visitorName().equals(after.visitorName())) {
      fields.add(ChatField.VISITOR_NAME);
    }
    if (!before.lastUpdate().equals(after.lastUpdate())) {
      fields.add(ChatField.LAST_UPDATE);
    }
    if (!before.chatTimeout().equals(after.chatTimeout())) {
      fields.add(ChatField.CHAT_TIMEOUT);
    }
    if (!before.chatSessionKey().equals(after.chatSessionKey())
        || !before.startTime().equals(after.startTime())
        || !before.visitorId().equals(after.visitorId())
        || !before.rtSessionId().equals(after.rtSessionId())
        || !before.participantId().equals(after.participantId())
        || !before.links().equals(after.links())
        || !before.attributes().equals(after.attributes())) {
      fields.add(ChatField.OTHER);
    }
    if (fields.isEmpty() && !Objects.equals(before, after)) {
      // A field this version does not know of (a newer ChatInfo): still a change.
      fields.add(ChatField.OTHER);
    }
    return fields;
  }
}
