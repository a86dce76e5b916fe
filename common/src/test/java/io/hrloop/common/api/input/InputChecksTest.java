package io.hrloop.common.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InputChecksTest {

    static Optional<InputChecks.Rejection> target(String path, String query) {
        String uri = query == null ? path : path + "?" + query;
        return InputChecks.target(uri, path, query, 8192);
    }

    @Test
    void ordinaryTargetsPass() {
        assertTrue(target("/api/v1/request-types/payroll-query", null).isEmpty());
        assertTrue(target("/api/v1/requests", "status=SUBMITTED,ASSIGNED&q=caf%C3%A9+cr%C3%A8me&limit=20").isEmpty());
        assertTrue(target("/api/v1/requests", "q=100%25&createdFrom=2026-11-01T00%3A00%3A00%2B01%3A00").isEmpty());
        assertTrue(target("/api/v1/requests", "flag&x=").isEmpty());
        assertTrue(target("/caf\u00c3\u00a9", null).isEmpty(), "raw UTF-8 bytes, one char per byte");
    }

    @Test
    void controlCharactersAndBrokenEncodingsAreRefusedNamingWhere() {
        assertEquals("path", target("/api/v1/request-types/%00", null).orElseThrow().field());
        assertEquals("path", target("/api/v1/calendars/a%0Ab", null).orElseThrow().field());
        assertEquals("path", target("/api/v1/calendars/%7F", null).orElseThrow().field());
        assertEquals("path", target("/api/v1/calendars/%C2%85", null).orElseThrow().field(), "C1 NEL");
        assertEquals("path", target("/api/v1/calendars/%C3%28", null).orElseThrow().field(), "not UTF-8");
        assertEquals("path", target("/api/v1/calendars/%G0", null).orElseThrow().field(), "broken escape");
        assertEquals("path", target("/api/v1/calendars/%4", null).orElseThrow().field(), "cut escape");
        assertEquals("q", target("/api/v1/requests", "limit=5&q=a%00b").orElseThrow().field());
        assertEquals("type", target("/api/v1/requests", "type=%1B[31m").orElseThrow().field());
        assertEquals("query", target("/api/v1/requests", "a%00=1").orElseThrow().field());
        InputChecks.Rejection nul = target("/api/v1/request-types/%00", null).orElseThrow();
        assertEquals(400, nul.status());
        assertEquals("invalid-characters", nul.slug());
    }

    @Test
    void sizesAreBounded() {
        String longQuery = "q=" + "x".repeat(9000);
        assertEquals(414, InputChecks.target("/r?" + longQuery, "/r", longQuery, 8192).orElseThrow().status());
        assertEquals(431, InputChecks.headers(List.of(Map.entry("X-Filler", "y".repeat(40_000))), 32_768)
                .orElseThrow().status());
        assertTrue(InputChecks.headers(List.of(Map.entry("Authorization", "Bearer " + "t".repeat(2000))), 32_768)
                .isEmpty());
        assertEquals(413, InputChecks.contentLength("10485760", 1_048_576).orElseThrow().status());
        assertEquals(400, InputChecks.contentLength("ten", 1_048_576).orElseThrow().status());
        assertTrue(InputChecks.contentLength("1048576", 1_048_576).isEmpty());
        assertTrue(InputChecks.contentLength(null, 1_048_576).isEmpty());
    }
}
