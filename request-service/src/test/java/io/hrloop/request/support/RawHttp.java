package io.hrloop.request.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client would encode away or refuse to send: NUL escapes,
 * broken UTF-8, over-long targets and headers, a declared body that is never sent.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, reads the answer. */
    public static Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (SocketException e) {
                    // the server answered and closed before taking the whole body: read what it said
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    public static Answer get(String target, String token) throws IOException {
        return send("GET " + target + " HTTP/1.1" + (token == null ? "" : "\r\nAuthorization: Bearer " + token), null);
    }

    /** Reads until the answer is complete (its length, its last chunk, or the end of the stream). */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        Answer answer = null;
        try {
            int n;
            while (answer == null && (n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                answer = complete(all.toString(StandardCharsets.ISO_8859_1), false);
            }
        } catch (SocketException e) {
            // reset after the answer: keep what arrived
        }
        if (answer == null) {
            answer = complete(all.toString(StandardCharsets.ISO_8859_1), true);
        }
        if (answer == null) {
            throw new IOException("no complete HTTP answer: '" + all.toString(StandardCharsets.ISO_8859_1) + "'");
        }
        return answer;
    }

    /** The answer if {@code text} holds all of it; at the end of the stream, whatever body arrived. */
    private static Answer complete(String text, boolean ended) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            if (!body.contains("\r\n0\r\n") && !body.startsWith("0\r\n") && !ended) {
                return null;
            }
            body = unchunk(body);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (body.length() < length) {
                return null;
            }
            body = body.substring(0, length);
        } else if (!ended) {
            return null;
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
