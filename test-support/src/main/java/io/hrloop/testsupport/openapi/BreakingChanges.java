package io.hrloop.testsupport.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client generated from the committed (old) document would break on, if the service now served the new
 * one. A small, well-defined rule set rather than a general diff:
 * <ul>
 * <li>a path or an operation removed, or an operation's {@code operationId} changed (generated method names);</li>
 * <li>a response code removed from an operation;</li>
 * <li>a parameter added as required, or an existing one made required; a parameter removed;</li>
 * <li>a request body made required, a request media type removed, a request member made required or added as
 * required;</li>
 * <li>a member's type changed, in a request or a response; a response member removed.</li>
 * </ul>
 * Schemas are followed through {@code $ref} into {@code components/schemas}, as deep as they nest. Everything
 * else (new paths, new optional members, new response codes, texts, examples) is compatible.
 */
public final class BreakingChanges {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final JsonNode oldDoc;
    private final JsonNode newDoc;
    private final List<String> found = new ArrayList<>();

    private BreakingChanges(JsonNode oldDoc, JsonNode newDoc) {
        this.oldDoc = oldDoc;
        this.newDoc = newDoc;
    }

    /** The breaking changes from {@code oldDoc} to {@code newDoc}, one readable line each; empty when compatible. */
    public static List<String> between(JsonNode oldDoc, JsonNode newDoc) {
        BreakingChanges changes = new BreakingChanges(oldDoc, newDoc);
        changes.paths();
        return List.copyOf(changes.found);
    }

    private void paths() {
        for (Iterator<Map.Entry<String, JsonNode>> it = oldDoc.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode now = newDoc.path("paths").path(path.getKey());
            if (now.isMissingNode()) {
                found.add("path removed: " + path.getKey());
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode nowOp = now.path(op.getKey());
                if (nowOp.isMissingNode()) {
                    found.add("operation removed: " + where);
                } else {
                    operation(where, op.getValue(), nowOp);
                }
            }
        }
    }

    private void operation(String where, JsonNode was, JsonNode is) {
        String oldId = was.path("operationId").asText(null);
        if (oldId != null && !oldId.equals(is.path("operationId").asText(null))) {
            found.add(where + ": operationId changed from " + oldId + " to " + is.path("operationId").asText("(none)"));
        }
        for (Iterator<String> codes = was.path("responses").fieldNames(); codes.hasNext();) {
            String code = codes.next();
            JsonNode nowResponse = is.path("responses").path(code);
            if (nowResponse.isMissingNode()) {
                found.add(where + ": response " + code + " removed");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = was.path("responses").path(code).path("content").fields(); media.hasNext();) {
                Map.Entry<String, JsonNode> m = media.next();
                JsonNode nowMedia = nowResponse.path("content").path(m.getKey());
                if (!nowMedia.isMissingNode()) {
                    schema(where + ": response " + code + " " + m.getKey(), m.getValue().path("schema"),
                            nowMedia.path("schema"), false, new HashSet<>());
                }
            }
        }
        parameters(where, was.path("parameters"), is.path("parameters"));
        JsonNode oldBody = was.path("requestBody");
        JsonNode newBody = is.path("requestBody");
        if (!newBody.isMissingNode() && newBody.path("required").asBoolean(false) && !oldBody.path("required").asBoolean(false)) {
            found.add(where + ": request body became required");
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = oldBody.path("content").fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> m = media.next();
            JsonNode nowMedia = newBody.path("content").path(m.getKey());
            if (nowMedia.isMissingNode()) {
                found.add(where + ": request media type " + m.getKey() + " no longer accepted");
            } else {
                schema(where + ": request " + m.getKey(), m.getValue().path("schema"), nowMedia.path("schema"), true,
                        new HashSet<>());
            }
        }
    }

    private void parameters(String where, JsonNode was, JsonNode is) {
        for (JsonNode p : is) {
            JsonNode before = find(was, p);
            boolean required = p.path("required").asBoolean(false);
            if (before == null && required) {
                found.add(where + ": new required " + p.path("in").asText() + " parameter " + p.path("name").asText());
            } else if (before != null && required && !before.path("required").asBoolean(false)) {
                found.add(where + ": " + p.path("in").asText() + " parameter " + p.path("name").asText() + " became required");
            }
            if (before != null) {
                schema(where + ": " + p.path("in").asText() + " parameter " + p.path("name").asText(), before.path("schema"),
                        p.path("schema"), true, new HashSet<>());
            }
        }
        for (JsonNode p : was) {
            if (find(is, p) == null) {
                found.add(where + ": " + p.path("in").asText() + " parameter " + p.path("name").asText() + " removed");
            }
        }
    }

    private static JsonNode find(JsonNode parameters, JsonNode like) {
        for (JsonNode p : parameters) {
            if (p.path("name").asText().equalsIgnoreCase(like.path("name").asText())
                    && p.path("in").asText().equals(like.path("in").asText())) {
                return p;
            }
        }
        return null;
    }

    /**
     * Compares two schemas: {@code request} says which way compatibility runs (a request may not demand more, a
     * response may not deliver less). {@code seen} stops recursion through self-referencing schemas.
     */
    private void schema(String where, JsonNode was, JsonNode is, boolean request, Set<String> seenOnPath) {
        Set<String> seen = new HashSet<>(seenOnPath);
        JsonNode oldSchema = resolve(oldDoc, was, seen, "old:");
        JsonNode newSchema = resolve(newDoc, is, seen, "new:");
        if (oldSchema == null || newSchema == null || oldSchema.isMissingNode() || newSchema.isMissingNode()) {
            return;
        }
        String oldType = type(oldSchema);
        String newType = type(newSchema);
        if (oldType != null && newType != null && !oldType.equals(newType)
                && !("integer".equals(oldType) && "number".equals(newType) && request)) {
            found.add(where + ": type changed from " + oldType + " to " + newType);
            return;
        }
        if (request) {
            Set<String> oldRequired = strings(oldSchema.path("required"));
            for (String member : strings(newSchema.path("required"))) {
                if (!oldRequired.contains(member)) {
                    found.add(where + ": member '" + member + "' is now required");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = oldSchema.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode now = newSchema.path("properties").path(prop.getKey());
            if (now.isMissingNode()) {
                if (!request) {
                    found.add(where + ": member '" + prop.getKey() + "' removed");
                }
                continue;
            }
            schema(where + "." + prop.getKey(), prop.getValue(), now, request, seen);
        }
        if (oldSchema.has("items") && newSchema.has("items")) {
            schema(where + "[]", oldSchema.path("items"), newSchema.path("items"), request, seen);
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema, Set<String> seen, String side) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.path("$ref").asText();
            if (!seen.add(side + ref)) {
                return null;
            }
            if (!ref.startsWith("#/components/schemas/")) {
                return null;
            }
            current = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
            return types.size() == 1 ? types.get(0) : String.join("|", types);
        }
        return null;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
