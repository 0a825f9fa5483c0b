package dev.chatinfo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void escapesWhatJsonRequiresAndLeavesOutNullValues() {
    assertEquals("{\"a\\\"b\":\"x\\\\y\\n\\r\\t\\u0001\\u2028é\",\"n\":7,\"t\":true,\"e\":[],\"o\":{}}",
        JsonText.compact().beginObject().name("a\"b").value("x\\y\n\r\t\u0001\u2028é").name("gone").value(null)
            .name("n").value(7).name("t").value(true).name("e").beginArray().endArray()
            .name("o").beginObject().endObject().endObject().toString());
  }

  @Test
  void indentsByTwoSpacesOneMemberPerLine() {
    assertEquals("{\n  \"chat\": {\n    \"id\": \"c1\"\n  },\n  \"links\": [\n    {\n      \"rel\": \"self\"\n    },\n"
            + "    \"x\"\n  ],\n  \"empty\": []\n}",
        JsonText.indented().beginObject().name("chat").beginObject().name("id").value("c1").endObject()
            .name("links").beginArray().beginObject().name("rel").value("self").endObject().value("x").endArray()
            .name("empty").beginArray().endArray().endObject().toString());
  }
}
