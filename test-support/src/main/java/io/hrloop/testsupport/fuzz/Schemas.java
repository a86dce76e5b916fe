package io.hrloop.testsupport.fuzz;

import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads the JSON Schemas of an OpenAPI 3.x document: references, types, and a valid-looking instance of each. */
final class Schemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Random random;

    Schemas(JsonNode document, Random random) {
        this.document = document;
        this.random = random;
    }

    /** The schema with {@code $ref} followed and the first branch of allOf/oneOf/anyOf taken; never null. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema == null ? JSON.objectNode() : schema;
        for (int i = 0; i < 10; i++) {
            if (s.has("$ref")) {
                s = document.at(s.get("$ref").asText().substring(1));
            } else if (s.has("allOf") && !s.has("properties")) {
                s = s.get("allOf").get(0);
            } else if (s.has("oneOf")) {
                s = firstNotNull(s.get("oneOf"));
            } else if (s.has("anyOf")) {
                s = firstNotNull(s.get("anyOf"));
            } else {
                break;
            }
        }
        return s.isMissingNode() ? JSON.objectNode() : s;
    }

    private JsonNode firstNotNull(JsonNode branches) {
        for (JsonNode branch : branches) {
            if (!"null".equals(branch.path("type").asText())) {
                return branch;
            }
        }
        return branches.get(0);
    }

    /** The schema's type ("object", "string", ...; the first that is not "null" of a 3.1 type list). */
    String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type != null) {
            return type.asText();
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("enum")) {
            return "string";
        }
        return "";
    }

    /** True for a schema the server can check a text against: a format, an enum or a pattern. */
    boolean typedText(JsonNode schema) {
        JsonNode s = resolve(schema);
        return s.has("format") || s.has("enum") || "uuid".equals(s.path("format").asText());
    }

    /** A value that satisfies the schema as far as the document tells. */
    JsonNode instance(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        if (s.has("examples") && s.get("examples").isArray() && s.get("examples").size() > 0) {
            return s.get("examples").get(0);
        }
        switch (type(s)) {
            case "object": {
                ObjectNode object = JSON.objectNode();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> property = it.next();
                        if (!property.getValue().path("readOnly").asBoolean()) {
                            object.set(property.getKey(), instance(property.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = JSON.arrayNode();
                int items = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 4; i++) {
                    array.add(instance(s.get("items"), depth + 1));
                }
                return array;
            }
            case "integer":
                return JSON.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1L);
            case "number":
                return JSON.numberNode(s.has("minimum") ? s.get("minimum").asDouble() : 1.0);
            case "boolean":
                return JSON.booleanNode(false);
            default:
                return JSON.textNode(text(s));
        }
    }

    private String text(JsonNode s) {
        switch (s.path("format").asText()) {
            case "uuid":
                return uuid();
            case "date-time":
                return "2026-01-05T09:00:00Z";
            case "date":
                return "2026-01-05";
            case "email":
                return "fuzz@example.com";
            case "duration":
                return "PT1H";
            default:
                String text = "fuzz " + Integer.toHexString(random.nextInt());
                int min = s.path("minLength").asInt(0);
                int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
                while (text.length() < min) {
                    text += "z";
                }
                return text.substring(0, Math.min(text.length(), Math.max(1, max)));
        }
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
