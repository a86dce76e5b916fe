package io.hrloop.common.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the shared ObjectMapper refuses to read (the fuzz test found the first two as a 500 and an accepted {}). */
class JsonInputLimitsTest {

    record Discard(String reason) {
    }

    static final ObjectMapper MAPPER = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonInputLimits(new InputLimits() {
            public int maxUriLength() {
                return 8192;
            }

            public int maxHeaderBytes() {
                return 32768;
            }

            public Json json() {
                return new Json() {
                    public int maxNestingDepth() {
                        return 64;
                    }

                    public int maxStringLength() {
                        return 100_000;
                    }

                    public int maxNumberLength() {
                        return 100;
                    }
                };
            }
        }).customize(mapper);
        return mapper;
    }

    @Test
    void aMemberGivenTwiceIsRefused() {
        assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"reason\":\"a\",\"reason\":[[{}]]}", Discard.class));
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree("{\"a\":1,\"a\":2}"));
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("{}{}", Map.class));
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("{\"reason\":\"a\"} x", Discard.class));
    }

    @Test
    void nulIsRefusedAndPlainTextIsRead() throws Exception {
        assertThrows(InvalidCharactersException.class, () -> MAPPER.readValue("{\"reason\":\"a\\u0000b\"}", Discard.class));
        assertEquals("caf\u00e9 \ud83d\ude00", MAPPER.readValue("{\"reason\":\"caf\u00e9 \ud83d\ude00\"}", Discard.class).reason());
    }
}
