package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import java.util.List;
import java.util.Map;

/**
 * A piece of application code that uses chatinfo: a supervisor's one-line summary of a set of
 * chats. Its test ({@code SupervisorDashboardTest}) shows how to test such code with the testkit.
 */
public final class SupervisorDashboard {

  private final ChatInfoSource source;

  /**
   * @param source where chat information comes from
   */
  public SupervisorDashboard(ChatInfoSource source) {
    this.source = source;
  }

  /**
   * Summarises the chats: how many wait, chat or ended, and who is typing.
   *
   * @param chats the chats to look at
   * @return a line such as {@code "1 waiting, 2 chatting, 0 ended, 1 unreachable; typing: visitor of H1"}
   */
  public String summary(List<ChatRef> chats) {
    Map<ChatRef, AsyncFetch.Outcome> outcomes = AsyncFetch.fetchAll(source, chats);
    int waiting = 0;
    int chatting = 0;
    int ended = 0;
    int unreachable = 0;
    StringBuilder typing = new StringBuilder();
    for (Map.Entry<ChatRef, AsyncFetch.Outcome> e : outcomes.entrySet()) {
      ChatInfo info = e.getValue().info();
      if (info == null) {
        unreachable++;
        continue;
      }
      if (info.state() == ChatState.WAITING) {
        waiting++;
      } else if (info.state() == ChatState.CHATTING) {
        chatting++;
      } else if (info.state() == ChatState.ENDED) {
        ended++;
      }
      if (info.visitorTyping() == TypingStatus.TYPING) {
        typing.append(typing.length() == 0 ? "" : ", ").append("visitor of ").append(e.getKey().chatId());
      }
      if (info.agentTyping() == TypingStatus.TYPING) {
        typing.append(typing.length() == 0 ? "" : ", ").append(info.agentName().orElse("agent"))
            .append(" in ").append(e.getKey().chatId());
      }
    }
    return waiting + " waiting, " + chatting + " chatting, " + ended + " ended, " + unreachable + " unreachable"
        + "; typing: " + (typing.length() == 0 ? "nobody" : typing);
  }
}
