package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.report.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscapedSoTheOutputStaysOneValidLine() {
        String s = Json.object().put("k", "a\"b\\c\nd\te\u0001f\u007f").toString();
        assertThat(s).isEqualTo("{\"k\":\"a\\\"b\\\\c\\nd\\te\\u0001f\\u007f\"}");
    }

    @Test
    void nonAsciiTextPassesThroughAndLoneSurrogatesAreEscaped() {
        assertThat(Json.object().put("k", "…-hosts.drv §2.5 😀").toString()).isEqualTo("{\"k\":\"…-hosts.drv §2.5 😀\"}");
        assertThat(Json.object().put("k", "x\ud800y").toString()).isEqualTo("{\"k\":\"x\\ud800y\"}");
    }

    @Test
    void valuesKeepTheirInsertionOrderAndTypes() {
        String s = Json.object().put("b", 1).put("a", 2L).put("n", null).put("t", true).put("d", 12.5)
                .put("r", 1000.0).put("nan", Double.NaN).put("l", List.of("x", 3)).put("o", Json.object()).toString();
        assertThat(s).isEqualTo("{\"b\":1,\"a\":2,\"n\":null,\"t\":true,\"d\":12.5,\"r\":1000,\"nan\":null,\"l\":[\"x\",3],\"o\":{}}");
    }
}
