package io.hrloop.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The hostile values the fuzzer draws from. URL values are written as they go on the wire (already
 * percent-encoded, some deliberately broken); JSON values are nodes, and byte fragments go into a body raw.
 */
final class HostileValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HostileValues() {
    }

    /** Refused by any server whatever the parameter: control characters, broken UTF-8, broken escapes. */
    static final List<String> URL_ALWAYS_INVALID = List.of("%00", "a%00b", "%01", "x%0D%0Ay", "%7F", "%C2%85",
            "%C3%28", "%ED%A0%80", "%ED%BF%BF", "%FF%FE", "%C0%80", "%E2%82", "%zz", "%", "abc%",
            "\u00ed\u00a0\u0080" /* a lone surrogate as raw bytes in the target */, "\u00ff\u00fe");

    /** Text an id, a key, a number or a date cannot be, and that a free-text filter must survive. */
    static final List<String> URL_TEXT = List.of("not-a-uuid", "", "%20", "-1", "0", "1e400",
            "99999999999999999999999999", "NaN", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AEevil", "%F0%9F%98%80",
            "e%CC%81%CC%81%CC%81%CC%81", "%EF%BF%BF", "%F4%8F%BF%BF", "%3Cscript%3E", "'%20OR%201%3D1--",
            "%25", "%2B", "%22%5C", "x".repeat(3_000), "00000000-0000-0000-0000-00000000000g",
            "%D7%A9%D7%9C%D7%95%D7%9D", "null", "undefined", "%7B%7D", "[]");

    /** Numbers a limit or a page size must refuse (or clamp). */
    static final List<String> URL_NUMBERS = List.of("-1", "0", "-2147483649", "2147483648", "1e400", "-1e400",
            "99999999999999999999999999", "1.5", "0x10", "NaN", "Infinity", "abc", "", "%F0%9F%98%80", "1%00");

    /** Dates and times beyond PostgreSQL's range (4713 BC to 294276 AD) or not dates at all. */
    static final List<String> URL_DATES = List.of("%2B300000-01-01", "294277-01-01", "-4714-11-23", "-999999999-01-01",
            "%2B999999999-12-31", "%2B300000-01-01T00%3A00%3A00Z", "%2B294277-01-01T00%3A00%3A00Z",
            "-4714-11-23T00%3A00%3A00Z", "0000-00-00", "2026-02-30", "2026-13-01", "9999-99-99T99%3A99%3A99Z",
            "yesterday", "1e400", "", "2026-01-01T00%3A00%3A00%2B25%3A00", "%F0%9F%98%80");

    /** Cursors a client could forge: not base64, base64 of garbage, of NUL, of a date beyond PostgreSQL's range. */
    static final List<String> URL_CURSORS = List.of("!!!", "%00", "a", "====", base64("\u0000"), base64("garbage"),
            base64("-createdAt\n+300000-01-01T00:00:00Z\n00000000-0000-0000-0000-000000000000"),
            base64("+createdAt\n-4714-11-23T00:00:00Z\nnot-a-uuid"), base64("\n\n\n\n\n"), base64("x".repeat(2_000)),
            base64("-dueAt\n1e400\n00000000-0000-0000-0000-000000000000"), base64("\u202e\ud83d\ude00"));

    /** Text that is valid JSON and valid Unicode but must not be mistaken for an id, a key, an enum or a date. */
    static final List<JsonNode> JSON_TEXT = List.of(text(""), text(" "), text("not-a-uuid"), text("\u202eevil"),
            text("\ud83d\ude00\ud83d\udc69\u200d\ud83d\udcbb"), text("e\u0301\u0301\u0301\u0301"), text("\ufeff"),
            text("\ud800"), text("\udfff"), text("\uffff"), text("\u05e9\u05dc\u05d5\u05dd"), text("<script>"),
            text("' OR 1=1--"), text("x".repeat(5_000)), text("+300000-01-01T00:00:00Z"), text("-4714-11-23"),
            text("2026-02-30"), text("NOT_A_VALUE"), text("null"), text("1e400"));

    /** Strings every service must refuse: NUL (PostgreSQL cannot store it), control characters in a string. */
    static final List<JsonNode> JSON_NUL = List.of(text("\u0000"), text("a\u0000b"), text("\u0000".repeat(100)));

    /** Values of the wrong JSON type for anything declared a string (objects and arrays never coerce to text). */
    static final List<JsonNode> NOT_TEXT = List.of(JSON.objectNode(), JSON.arrayNode(), JSON.objectNode().put("$gt", ""),
            JSON.arrayNode().add(1).add(2));

    /** Numbers beyond what an int, a long or a finite double holds, and non-numbers. */
    static final List<JsonNode> NOT_NUMBER = List.of(text("abc"), JSON.objectNode(), JSON.arrayNode(),
            JSON.numberNode(new java.math.BigInteger("9".repeat(40))), JSON.numberNode(new java.math.BigDecimal("1e400")),
            JSON.numberNode(new java.math.BigDecimal("-1e400")), text("NaN"), text("Infinity"), JSON.booleanNode(true));

    /** Raw byte fragments that are not UTF-8 (or encode what UTF-8 forbids), to put inside a JSON string. */
    static final List<byte[]> RAW_BROKEN = List.of(bytes(0xC3, 0x28), bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xC0, 0x80),
            bytes(0xE2, 0x82), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0x80));

    /** Raw fragments that decode, but to what no text field should hold: a lone surrogate, a noncharacter. */
    static final List<byte[]> RAW_ODD = List.of(bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xEF, 0xBF, 0xBF));

    /** Whole bodies that are not JSON, or JSON that is no object. */
    static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "[", "nul", "tru",
            "'single'", "{'a':1}", "{\"a\":\"unterminated}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}",
            "{\"a\":-}", "{\"a\":1e}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\\u0041\"}",
            "null", "[]", "\"text\"", "123", "true", "{}{}", "<xml/>", "a=b&c=d", "\u0000", " ");

    /** Content types a JSON resource does not consume, or cannot parse. */
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zz", "application/octet-stream", "application/", "a/b/c", ";;;",
            "application/json; charset=utf-16", "application/json; charset=nope", "*/*", "image/png",
            "application/json-patch+json", "text/html; charset=\"\u00ff\"");

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode text(String value) {
        return JSON.textNode(value);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
