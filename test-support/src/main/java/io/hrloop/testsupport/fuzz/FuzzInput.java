package io.hrloop.testsupport.fuzz;

import java.util.Map;

/**
 * One hostile request: the operation it aims at ("POST /api/v1/requests"), what kind of hostility it carries
 * ("body.type:subject", "query:limit", ...), and the request as it goes on the wire. {@code alternate} asks for
 * the second caller rather than the one the operation answers.
 */
public record FuzzInput(String operation, String kind, String method, String target, String contentType,
        Map<String, String> headers, byte[] body, boolean alternate) {

    /** The kind without its parameter or property ("body.type" for "body.type:subject"). */
    public String family() {
        int colon = kind.indexOf(':');
        return colon < 0 ? kind : kind.substring(0, colon);
    }

    @Override
    public String toString() {
        String shown = target.length() > 160 ? target.substring(0, 160) + "…(" + target.length() + ")" : target;
        String payload = body == null ? "" : " body " + (body.length > 200
                ? new String(body, 0, 200, java.nio.charset.StandardCharsets.ISO_8859_1) + "…(" + body.length + " bytes)"
                : new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
        return kind + " " + method + " " + shown + (contentType == null ? "" : " [" + contentType + "]") + payload;
    }
}
