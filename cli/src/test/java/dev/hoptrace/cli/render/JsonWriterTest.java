package dev.hoptrace.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void hostileStringsSurviveAsTheSameText() throws Exception {
    String hostile = "evil\u001b]0;pwned\u0007\n\"\\\u007f\u202e\ud800x";
    String json = new JsonWriter().beginObject().name("name").value(hostile)
        .name("n").value(Double.NaN).name("list").beginArray().value(1).value(true).endArray()
        .endObject().toString();

    assertThat(json).doesNotContain("\u001b", "\u0007", "\n", "\u007f");
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("name").asText()).isEqualTo(hostile);
    assertThat(node.get("n").isNull()).isTrue();
    assertThat(node.get("list").size()).isEqualTo(2);
  }
}
