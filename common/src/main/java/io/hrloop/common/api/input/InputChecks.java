package io.hrloop.common.api.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@link InputGuard} as plain functions: the request target must be short enough, well
 * percent-encoded UTF-8, and free of control characters once decoded (NUL is what PostgreSQL refuses; the
 * other C0 and C1 controls and DEL have no place in an id or a filter either).
 */
public final class InputChecks {

    /** Why a request is refused before any resource runs. */
    public record Rejection(int status, String slug, String title, String detail, String field) {
    }

    private InputChecks() {
    }

    public static Optional<Rejection> target(String uri, String rawPath, String rawQuery, int maxUriLength) {
        if (uri != null && uri.length() > maxUriLength) {
            return Optional.of(new Rejection(414, "uri-too-long", "URI too long",
                    "the request target is longer than " + maxUriLength + " characters", null));
        }
        if (rawPath != null && !clean(decode(rawPath, false))) {
            return Optional.of(invalid("path"));
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (!clean(name)) {
                    return Optional.of(invalid("query"));
                }
                if (!clean(value)) {
                    return Optional.of(invalid(name));
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Rejection> headers(Iterable<Map.Entry<String, String>> headers, int maxHeaderBytes) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        if (total > maxHeaderBytes) {
            return Optional.of(new Rejection(431, "headers-too-large", "Request header fields too large",
                    "the request headers add up to more than " + maxHeaderBytes + " bytes", null));
        }
        return Optional.empty();
    }

    public static Optional<Rejection> contentLength(String header, long maxBodyBytes) {
        if (header == null || maxBodyBytes <= 0) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(header.trim()) <= maxBodyBytes) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.of(new Rejection(400, "invalid-content-length", "Invalid request",
                    "Content-Length must be a number of bytes", null));
        }
        return Optional.of(new Rejection(413, "body-too-large", "Payload too large",
                "the request body is larger than " + maxBodyBytes + " bytes", null));
    }

    /** True when the text has no control character (C0, DEL, C1); null (undecodable) is not clean. */
    public static boolean clean(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-decodes strictly into UTF-8; null when an escape is broken or the bytes are not UTF-8. The raw
     * target arrives as one char per byte (ISO-8859-1), so raw UTF-8 and escapes decode alike.
     */
    static String decode(String raw, boolean plusIsSpace) {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= bytes.length) {
                    return null;
                }
                int high = Character.digit(bytes[i + 1], 16);
                int low = Character.digit(bytes[i + 2], 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                out.write(high * 16 + low);
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Rejection invalid(String field) {
        return new Rejection(400, "invalid-characters", "Invalid request", (field.equals("path") ? "the path"
                : field.equals("query") ? "a query parameter name" : "query parameter '" + field + "'")
                + " contains control characters (such as NUL) or is not well-formed UTF-8", field);
    }
}
