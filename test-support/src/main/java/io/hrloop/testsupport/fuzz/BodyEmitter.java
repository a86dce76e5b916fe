package io.hrloop.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Collects the body inputs of one operation: as JSON, as text, with raw bytes put in for the marker. */
record BodyEmitter(OpenApiFuzzer.Operation op, String target, Map<String, String> headers, List<FuzzInput> out) {
    void json(String kind, JsonNode body) {
        if (body != null) {
            bytes(kind, "application/json", BodyMutations.bytes(body));
        }
    }

    void text(String kind, String body) {
        bytes(kind, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    void raw(String kind, JsonNode body, byte[] raw) {
        if (body == null) {
            return;
        }
        byte[] json = BodyMutations.bytes(body);
        String text = new String(json, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(BodyMutations.RAW);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(json, 0, at);
        bytes.writeBytes(raw);
        bytes.write(json, at + BodyMutations.RAW.length(), json.length - at - BodyMutations.RAW.length());
        bytes(kind, "application/json", bytes.toByteArray());
    }

    void bytes(String kind, String contentType, byte[] body) {
        out.add(new FuzzInput(op.id(), kind, op.method(), target, contentType, headers, body, false));
    }
}
