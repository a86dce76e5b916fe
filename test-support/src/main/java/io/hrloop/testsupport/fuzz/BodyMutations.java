package io.hrloop.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile JSON bodies for an operation, derived from its request-body schema and examples: missing, null and
 * wrongly typed members, text an id or an enum cannot be, NUL, over-long and broken-UTF-8 strings, values
 * beyond a declared range, malformed, huge and deeply nested documents, and content types it does not consume.
 * A body whose hostile part could legitimately be accepted (an emoji in free text, an unknown member) also
 * carries a member of the wrong type after it, so that it is refused as a whole and changes nothing.
 */
final class BodyMutations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Writes every non-ASCII character as an escape, so that a lone surrogate goes out as {@code \ud800}. */
    private static final ObjectMapper WRITER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    static final String RAW = "FUZZ_RAW_MARKER";

    private final Schemas schemas;
    private final Random random;
    private final Map<String, JsonNode> bases = new HashMap<>();
    private final Map<String, JsonNode> properties = new HashMap<>();

    BodyMutations(Schemas schemas, Random random) {
        this.schemas = schemas;
        this.random = random;
    }

    /** A body a valid call could send (the schema's instance overlaid with the documented examples), or null. */
    JsonNode base(OpenApiFuzzer.Operation op) {
        if (!bases.containsKey(op.id())) {
            bases.put(op.id(), derive(op));
        }
        JsonNode base = bases.get(op.id());
        return base == null ? null : base.deepCopy();
    }

    private JsonNode derive(OpenApiFuzzer.Operation op) {
        JsonNode content = op.node().path("requestBody").path("content");
        JsonNode media = content.has("application/json") ? content.get("application/json") : null;
        if (media == null) {
            return null;
        }
        JsonNode schema = schemas.resolve(media.get("schema"));
        boolean opaque = schema.path("properties").has("nodeType"); // a JsonNode parameter: the examples tell more
        ObjectNode props = JSON.objectNode();
        JsonNode base = opaque ? JSON.objectNode() : schemas.instance(schema, 0);
        if (!opaque) {
            schema.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
        }
        for (JsonNode example : media.path("examples")) {
            if (example.path("value").isObject() && base.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = example.get("value").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> member = it.next();
                    ((ObjectNode) base).set(member.getKey(), member.getValue());
                    if (!props.has(member.getKey())) {
                        props.set(member.getKey(), inferred(member.getValue()));
                    }
                }
            }
        }
        ObjectNode described = JSON.objectNode();
        described.set("properties", props);
        described.set("required", opaque ? JSON.arrayNode() : schema.path("required"));
        properties.put(op.id(), described);
        return base;
    }

    private static JsonNode inferred(JsonNode value) {
        ObjectNode schema = JSON.objectNode();
        if (value.isNumber()) {
            schema.put("type", value.isIntegralNumber() ? "integer" : "number");
        } else if (value.isBoolean()) {
            schema.put("type", "boolean");
        } else if (value.isArray() || value.isObject()) {
            schema.put("type", value.isArray() ? "array" : "object");
        } else {
            schema.put("type", "string");
            if (value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                schema.put("format", "date");
            }
        }
        return schema;
    }

    /** The base body with one member (the last, or {@code except}'s neighbour) of a type nothing accepts. */
    byte[] broken(OpenApiFuzzer.Operation op) {
        return bytes(breakOther(base(op), null));
    }

    private JsonNode breakOther(JsonNode body, String except) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return except == null ? JSON.arrayNode().add(JSON.arrayNode().add(JSON.objectNode())) : null;
        }
        String victim = null;
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals(except)) {
                victim = name;
            }
        }
        if (victim == null) {
            return null;
        }
        object.remove(victim);
        object.set(victim, JSON.arrayNode().add(JSON.arrayNode().add(JSON.objectNode())));
        return object;
    }

    void inputs(OpenApiFuzzer.Operation op, String target, Map<String, String> headers, List<FuzzInput> out) {
        JsonNode base = base(op);
        if (base == null) {
            return;
        }
        BodyEmitter emit = new BodyEmitter(op, target, headers, out);
        JsonNode described = properties.get(op.id());
        for (JsonNode required : described.path("required")) {
            ObjectNode missing = (ObjectNode) base(op);
            missing.remove(required.asText());
            emit.json("body.missing:" + required.asText(), missing);
            emit.json("body.null:" + required.asText(), ((ObjectNode) base(op)).putNull(required.asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = described.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            if (base.isObject()) {
                memberInputs(op, property.getKey(), schemas.resolve(property.getValue()), emit);
            }
        }
        wholeBodyInputs(op, emit);
    }

    private void memberInputs(OpenApiFuzzer.Operation op, String name, JsonNode schema, BodyEmitter emit) {
        String type = schemas.type(schema);
        List<JsonNode> wrong = switch (type) {
            case "integer", "number" -> HostileValues.NOT_NUMBER;
            case "boolean" -> List.of(JSON.textNode("maybe"), JSON.objectNode(), JSON.arrayNode());
            case "array" -> List.of(JSON.textNode("scalar"), JSON.objectNode().put("a", 1), JSON.arrayNode()
                    .add(JSON.arrayNode().add(JSON.arrayNode().add(JSON.objectNode()))));
            case "object" -> List.of(JSON.textNode("text"), JSON.arrayNode().add(JSON.arrayNode()), JSON.numberNode(1));
            default -> HostileValues.NOT_TEXT;
        };
        boolean freeText = (type.equals("string") || type.isEmpty()) && !schemas.typedText(schema);
        for (JsonNode value : wrong) {
            emit.json("body.type:" + name, refused(op, name, value, freeText));
        }
        if (type.equals("string") || type.isEmpty()) {
            for (JsonNode value : HostileValues.JSON_NUL) {
                emit.json("body.nul:" + name, refused(op, name, value, freeText));
            }
            for (JsonNode value : HostileValues.JSON_TEXT) {
                JsonNode body = ((ObjectNode) base(op)).set(name, value);
                emit.json("body.text:" + name, freeText ? breakOther(body, name) : refused(op, name, value, false));
            }
            if (schema.has("maxLength")) {
                emit.json("body.too-long:" + name, ((ObjectNode) base(op)).put(name, "x".repeat(schema.get("maxLength").asInt() + 1)));
            }
            for (byte[] raw : HostileValues.RAW_BROKEN) {
                emit.raw("body.broken-utf8:" + name, ((ObjectNode) base(op)).put(name, "a" + RAW + "b"), raw);
            }
            for (byte[] raw : HostileValues.RAW_ODD) {
                emit.raw("body.odd-utf8:" + name, breakOther(((ObjectNode) base(op)).put(name, "a" + RAW + "b"), name), raw);
            }
        }
        if (schema.has("minimum")) {
            emit.json("body.range:" + name, ((ObjectNode) base(op)).put(name, schema.get("minimum").asDouble() - 1));
        }
        if (schema.has("maximum")) {
            emit.json("body.range:" + name, ((ObjectNode) base(op)).put(name, schema.get("maximum").asDouble() + 1));
        }
        JsonNode itemEnum = schemas.resolve(schema.get("items")).path("enum");
        if (schema.has("maxItems") && (itemEnum.isEmpty() || itemEnum.size() > schema.get("maxItems").asInt())) {
            // Distinct items: a set (themes, say) would fold repeated ones into one and stay in range.
            ArrayNode items = JSON.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                JsonNode item = schemas.instance(schema.get("items"), 1);
                items.add(!itemEnum.isEmpty() ? itemEnum.get(i) : item.isTextual() ? JSON.textNode(item.asText() + i) : item);
            }
            emit.json("body.range:" + name, ((ObjectNode) base(op)).set(name, items));
        }
    }

    /**
     * The base body with {@code name} set to {@code value}. Jackson reads a blank text or an empty array as null
     * for a date, a number or an enum (a NUL-only text is blank to it too), so such a value there also gets a
     * member of the wrong type after it: it must be refused, but not necessarily for itself.
     */
    private JsonNode refused(OpenApiFuzzer.Operation op, String name, JsonNode value, boolean freeText) {
        JsonNode body = ((ObjectNode) base(op)).set(name, value);
        boolean blank = (value.isTextual() && value.asText().trim().isEmpty()) || (value.isArray() && value.isEmpty());
        return blank && !freeText ? breakOther(body, name) : body;
    }

    private void wholeBodyInputs(OpenApiFuzzer.Operation op, BodyEmitter emit) {
        for (String malformed : HostileValues.MALFORMED) {
            emit.bytes("body.malformed", "application/json", malformed.getBytes(StandardCharsets.UTF_8));
        }
        emit.bytes("body.empty", "application/json", new byte[0]);
        emit.bytes("body.deep", "application/json", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        emit.bytes("body.deep", "application/json", ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        String base = new String(bytes(base(op)), StandardCharsets.UTF_8);
        String broken = new String(broken(op), StandardCharsets.UTF_8);
        if (base.startsWith("{") && base.length() > 2) {
            String open = base.substring(0, base.length() - 1) + ",";
            String brokenOpen = broken.substring(0, broken.length() - 1) + ",";
            emit.text("body.number-too-long", open + "\"zz\":" + "1".repeat(200) + "}");
            // In a member the body is read into: Jackson skips an unknown member without holding its text.
            JsonNode longText = base(op);
            String textMember = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = longText.fields(); it.hasNext() && textMember == null;) {
                Map.Entry<String, JsonNode> member = it.next();
                textMember = member.getValue().isTextual() ? member.getKey() : null;
            }
            if (textMember != null) {
                emit.json("body.string-too-long", ((ObjectNode) longText).put(textMember, "s".repeat(150_000)));
            }
            emit.text("body.nested-extra", brokenOpen + "\"zz\":" + "[".repeat(60) + "]".repeat(60) + "}");
            emit.text("body.huge", brokenOpen + "\"zz\":[" + ("\"" + "p".repeat(998) + "\",").repeat(900) + "1]}");
            emit.text("body.too-large", open + "\"zz\":[" + ("\"" + "p".repeat(998) + "\",").repeat(2_100) + "1]}");
            StringBuilder many = new StringBuilder(brokenOpen);
            for (int i = 0; i < 10_000; i++) {
                many.append("\"f").append(i).append("\":").append(i).append(',');
            }
            emit.text("body.many-members", many.append("\"zz\":0}").toString());
            String first = base(op).fieldNames().hasNext() ? base(op).fieldNames().next() : "zz";
            emit.text("body.duplicate-key", open + "\"" + first + "\":[[{}]]}");
            emit.text("body.prototype", brokenOpen + "\"__proto__\":{\"admin\":true},\"constructor\":{\"prototype\":{}}}");
        }
        for (String contentType : HostileValues.CONTENT_TYPES) {
            emit.bytes("content-type", contentType, broken(op));
        }
        emit.bytes("content-type.none", null, broken(op));
    }

    FuzzInput random(OpenApiFuzzer.Operation op, String target, Map<String, String> headers) {
        JsonNode body = base(op);
        List<FuzzInput> out = new ArrayList<>();
        BodyEmitter emit = new BodyEmitter(op, target, headers, out);
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            emit.bytes("random.body", "application/json", HostileValues.MALFORMED.get(random.nextInt(HostileValues.MALFORMED.size()))
                    .getBytes(StandardCharsets.UTF_8));
            return out.get(0);
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        List<JsonNode> pool = new ArrayList<>(HostileValues.JSON_TEXT);
        pool.addAll(HostileValues.NOT_TEXT);
        pool.addAll(HostileValues.NOT_NUMBER);
        for (int i = random.nextInt(3); i > 0; i--) {
            object.set(names.get(random.nextInt(names.size())), pool.get(random.nextInt(pool.size())));
        }
        // One member every reader refuses, last, so that whatever came before was read first.
        String last = names.get(random.nextInt(names.size()));
        object.remove(last);
        object.set(last, HostileValues.JSON_NUL.get(random.nextInt(HostileValues.JSON_NUL.size())));
        emit.json("random.body", object);
        FuzzInput input = out.get(0);
        return new FuzzInput(input.operation(), input.kind(), input.method(), input.target(), input.contentType(),
                input.headers(), input.body(), random.nextInt(3) == 0);
    }

    static byte[] bytes(JsonNode body) {
        try {
            return WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
