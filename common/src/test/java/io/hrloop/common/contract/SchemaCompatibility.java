package io.hrloop.common.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a new version of an event's JSON Schema can replace the released one while producers and consumers
 * of both versions meet on a topic: an old event must still validate against the new schema (nothing newly
 * required, no type, range or pattern narrowed, no value dropped from an enum) and a new event must still
 * mean the same to an old consumer (no property removed, nothing that was required made optional). Adding an
 * optional property or an enum value is fine.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The breaking differences from {@code released} to {@code current}; empty when compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("", released, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode old, JsonNode now, List<String> problems) {
        String at = path.isEmpty() ? "(root)" : path;
        if (!types(old).equals(types(now))) {
            problems.add(at + ": type changed from " + types(old) + " to " + types(now));
        }
        if (old.has("format") && !old.path("format").equals(now.path("format"))) {
            problems.add(at + ": format changed from " + old.get("format") + " to " + now.get("format"));
        }
        if (!old.has("format") && now.has("format")) {
            problems.add(at + ": format " + now.get("format") + " added");
        }
        if (!old.path("pattern").equals(now.path("pattern"))) {
            problems.add(at + ": pattern changed");
        }
        if (old.has("const") && !old.get("const").equals(now.get("const"))) {
            problems.add(at + ": const changed");
        }
        if (old.has("enum") || now.has("enum")) {
            Set<JsonNode> before = set(old.path("enum"));
            Set<JsonNode> after = set(now.path("enum"));
            if (!old.has("enum")) {
                problems.add(at + ": enum added");
            } else if (!after.containsAll(before)) {
                Set<JsonNode> dropped = new HashSet<>(before);
                dropped.removeAll(after);
                problems.add(at + ": enum values removed " + dropped);
            }
        }
        notNarrowed(at, "minimum", old, now, true, problems);
        notNarrowed(at, "exclusiveMinimum", old, now, true, problems);
        notNarrowed(at, "minLength", old, now, true, problems);
        notNarrowed(at, "minItems", old, now, true, problems);
        notNarrowed(at, "maximum", old, now, false, problems);
        notNarrowed(at, "exclusiveMaximum", old, now, false, problems);
        notNarrowed(at, "maxLength", old, now, false, problems);
        notNarrowed(at, "maxItems", old, now, false, problems);
        if (!old.path("uniqueItems").asBoolean(false) && now.path("uniqueItems").asBoolean(false)) {
            problems.add(at + ": uniqueItems added");
        }
        if (old.path("additionalProperties").asBoolean(true) && !now.path("additionalProperties").asBoolean(true)) {
            problems.add(at + ": additionalProperties closed");
        }
        Set<String> requiredBefore = strings(old.path("required"));
        Set<String> requiredAfter = strings(now.path("required"));
        for (String name : requiredAfter) {
            if (!requiredBefore.contains(name)) {
                problems.add(at + ": " + name + " newly required (events already on the topic lack it)");
            }
        }
        for (String name : requiredBefore) {
            if (!requiredAfter.contains(name)) {
                problems.add(at + ": " + name + " no longer required (consumers rely on it)");
            }
        }
        JsonNode oldProperties = old.path("properties");
        for (Iterator<String> names = oldProperties.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode replacement = now.path("properties").get(name);
            if (replacement == null) {
                problems.add(at + ": property " + name + " removed");
            } else {
                compare(path + "/" + name, oldProperties.get(name), replacement, problems);
            }
        }
        if (old.has("items")) {
            if (!now.has("items")) {
                problems.add(at + ": items schema removed");
            } else {
                compare(path + "[]", old.get("items"), now.get("items"), problems);
            }
        }
        for (String keyword : List.of("if", "then", "else", "allOf", "anyOf", "oneOf", "not")) {
            if (!old.path(keyword).equals(now.path(keyword))) {
                problems.add(at + ": " + keyword + " changed");
            }
        }
    }

    private static void notNarrowed(String at, String keyword, JsonNode old, JsonNode now, boolean lower,
            List<String> problems) {
        if (!now.has(keyword)) {
            return;
        }
        if (!old.has(keyword)) {
            problems.add(at + ": " + keyword + " added");
            return;
        }
        double before = old.get(keyword).asDouble();
        double after = now.get(keyword).asDouble();
        if (lower ? after > before : after < before) {
            problems.add(at + ": " + keyword + " narrowed from " + before + " to " + after);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<JsonNode> set(JsonNode array) {
        Set<JsonNode> values = new HashSet<>();
        array.forEach(values::add);
        return values;
    }
}
