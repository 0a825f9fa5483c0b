package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.watch.ChatEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the program prints a chat, an event and a failure: text for people, JSON for scripts. */
final class ChatOutput {

  private ChatOutput() {}

  /** A readable table of one chat. */
  static String text(ChatRef ref, ChatInfo info) {
    StringBuilder s = new StringBuilder();
    s.append("chat ").append(ref.chatId()).append("  (account ").append(ref.accountId()).append(")\n");
    row(s, "state", info.rawState() + (info.state().wireValue().equals(info.rawState()) ? "" : " (" + info.state() + ")"));
    row(s, "session key", info.chatSessionKey());
    row(s, "agent", info.agentName().orElse("-")
        + (info.agentId().isPresent() ? " (" + info.agentId().getAsLong() + ")" : ""));
    row(s, "visitor", info.visitorName()
        + (info.visitorId().isPresent() ? " (" + info.visitorId().getAsLong() + ")" : ""));
    row(s, "typing", "agent " + typing(info.agentTyping()) + ", visitor " + typing(info.visitorTyping()));
    row(s, "started", info.startTime().map(Object::toString).orElse("-"));
    row(s, "last update", info.lastUpdate().map(Object::toString).orElse("-"));
    row(s, "time-out", info.chatTimeout().map(d -> d.toSeconds() + " s").orElse("-")
        + info.expiresAt().map(at -> ", expires " + at).orElse(""));
    info.rtSessionId().ifPresent(id -> row(s, "rt session", Long.toString(id)));
    info.participantId().ifPresent(id -> row(s, "participant", id));
    if (!info.attributes().isEmpty()) {
      List<String> attributes = new ArrayList<>();
      info.attributes().forEach((k, v) -> attributes.add(k + "=" + v));
      row(s, "attributes", String.join(", ", attributes));
    }
    List<String> rels = new ArrayList<>();
    for (Link link : info.links()) {
      rels.add(link.rel());
    }
    row(s, "links", rels.isEmpty() ? "-" : String.join(", ", rels));
    return s.toString();
  }

  private static String typing(TypingStatus status) {
    return status == TypingStatus.TYPING ? "typing" : status == TypingStatus.NOT_TYPING ? "not typing" : "unknown";
  }

  private static void row(StringBuilder s, String name, String value) {
    s.append("  ").append(name);
    for (int i = name.length(); i < 14; i++) {
      s.append(' ');
    }
    s.append(value).append('\n');
  }

  /** Our own JSON of one chat, for scripts (not the wire shape); absent values are left out. */
  static String json(ChatRef ref, ChatInfo info) {
    JsonText w = JsonText.indented();
    w.beginObject();
    chat(w, ref);
    w.name("state").value(info.state().name().toLowerCase(Locale.ROOT));
    w.name("rawState").value(info.rawState());
    w.name("active").value(info.isActive());
    w.name("chatSessionKey").value(info.chatSessionKey());
    w.name("agentName").value(info.agentName().orElse(null));
    info.agentId().ifPresent(id -> w.name("agentId").value(id));
    w.name("visitorName").value(info.visitorName());
    info.visitorId().ifPresent(id -> w.name("visitorId").value(id));
    w.name("agentTyping").value(info.agentTyping().wireValue());
    w.name("visitorTyping").value(info.visitorTyping().wireValue());
    w.name("startTime").value(info.startTime().map(Object::toString).orElse(null));
    w.name("lastUpdate").value(info.lastUpdate().map(Object::toString).orElse(null));
    info.chatTimeout().ifPresent(timeout -> w.name("chatTimeoutSeconds").value(timeout.toSeconds()));
    w.name("expiresAt").value(info.expiresAt().map(Object::toString).orElse(null));
    w.name("participantId").value(info.participantId().orElse(null));
    w.name("links").beginArray();
    for (Link link : info.links()) {
      w.beginObject().name("rel").value(link.rel()).name("href").value(link.href()).endObject();
    }
    w.endArray();
    w.name("attributes").beginObject();
    info.attributes().forEach((name, value) -> w.name(name).value(value));
    w.endObject();
    w.endObject();
    return w + "\n";
  }

  /** One line per event: {@code 09:00:02Z  chat-a  CHANGED [STATE, AGENT]  chatting, agent Barber}. */
  static String eventLine(ChatEvent event) {
    String what;
    ChatInfo info = null;
    if (event instanceof ChatEvent.Started s) {
      what = "STARTED";
      info = s.info();
    } else if (event instanceof ChatEvent.Changed c) {
      what = "CHANGED " + c.fields();
      info = c.after();
    } else if (event instanceof ChatEvent.ExpiringSoon e) {
      what = "EXPIRING_SOON at " + e.expiresAt();
      info = e.info();
    } else if (event instanceof ChatEvent.Ended e) {
      what = "ENDED";
      info = e.info();
    } else if (event instanceof ChatEvent.Recovered r) {
      what = "RECOVERED";
      info = r.info();
    } else if (event instanceof ChatEvent.Gone g) {
      what = "GONE " + g.cause().kind() + ": " + g.cause().getMessage();
    } else {
      ChatEvent.Unreachable u = (ChatEvent.Unreachable) event;
      what = "UNREACHABLE " + u.cause().kind() + ": " + u.cause().getMessage();
    }
    return event.at() + "  " + event.chat().chatId() + "  " + what + (info == null ? "" : "  " + summary(info));
  }

  /** The state, agent and typing of a chat in a few words. */
  static String summary(ChatInfo info) {
    StringBuilder s = new StringBuilder(info.rawState());
    info.agentName().ifPresent(a -> s.append(", agent ").append(a));
    if (info.visitorTyping() == TypingStatus.TYPING) {
      s.append(", visitor typing");
    }
    if (info.agentTyping() == TypingStatus.TYPING) {
      s.append(", agent typing");
    }
    return s.toString();
  }

  /** One JSON line per event, for scripts ({@code chatinfo watch --output json}). */
  static String eventJson(ChatEvent event) {
    JsonText w = JsonText.compact();
    w.beginObject();
    w.name("event").value(kind(event));
    w.name("at").value(event.at().toString());
    chat(w, event.chat());
    if (event instanceof ChatEvent.Changed c) {
      w.name("fields").beginArray();
      c.fields().forEach(f -> w.value(f.name()));
      w.endArray();
      info(w, c.after());
    } else if (event instanceof ChatEvent.Started s) {
      info(w, s.info());
    } else if (event instanceof ChatEvent.ExpiringSoon e) {
      w.name("expiresAt").value(e.expiresAt().toString());
      info(w, e.info());
    } else if (event instanceof ChatEvent.Ended e) {
      info(w, e.info());
    } else if (event instanceof ChatEvent.Recovered r) {
      info(w, r.info());
    } else if (event instanceof ChatEvent.Gone g) {
      error(w, g.cause());
    } else if (event instanceof ChatEvent.Unreachable u) {
      error(w, u.cause());
    }
    return w.endObject().toString();
  }

  /** A failure as one JSON line: {@code {"error": {"kind": ..., "message": ..., "exitCode": ...}}}. */
  static String errorJson(String kind, String message, int exitCode) {
    return JsonText.compact().beginObject().name("error").beginObject().name("kind").value(kind).name("message")
        .value(message).name("exitCode").value(exitCode).endObject().endObject().toString();
  }

  private static String kind(ChatEvent event) {
    String simple = event.getClass().getSimpleName();
    return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static void chat(JsonText w, ChatRef ref) {
    w.name("chat").beginObject().name("accountId").value(ref.accountId()).name("agentSessionId")
        .value(ref.agentSessionId()).name("chatId").value(ref.chatId()).endObject();
  }

  private static void info(JsonText w, ChatInfo info) {
    w.name("state").value(info.state().name().toLowerCase(Locale.ROOT));
    w.name("agentName").value(info.agentName().orElse(null));
    w.name("agentTyping").value(info.agentTyping().wireValue());
    w.name("visitorTyping").value(info.visitorTyping().wireValue());
    w.name("lastUpdate").value(info.lastUpdate().map(Object::toString).orElse(null));
    w.name("expiresAt").value(info.expiresAt().map(Object::toString).orElse(null));
  }

  private static void error(JsonText w, ChatInfoException e) {
    w.name("kind").value(e.kind().name()).name("message").value(e.getMessage());
  }
}
