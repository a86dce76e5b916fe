package io.hrloop.common.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.events.EventCatalog;

/**
 * A breaking change to an event schema fails the build: every schema is checked against the last released
 * contract (src/test/resources/contracts-released/&lt;version&gt;). A type that is not released yet has no
 * baseline; releasing the contract means copying the schemas into a new version folder here.
 */
class SchemaCompatibilityTest {

    static final String RELEASED = "contracts-released/1.0.0/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everySchemaStaysCompatibleWithTheReleasedContract(EventCatalog type) throws IOException {
        JsonNode released = read(RELEASED + type.type() + ".schema.json");
        if (released == null) {
            return; // a type added since the release
        }
        assertEquals(List.of(), SchemaCompatibility.breakingChanges(released, read(type.schemaResource())),
                type.type() + " breaks the released contract");
    }

    @Test
    void theCheckRecognisesWhatBreaksConsumersOrOldEvents() throws IOException {
        JsonNode released = read(RELEASED + "hr.feedback.received.schema.json");
        assertTrue(SchemaCompatibility.breakingChanges(released, released).isEmpty());

        ObjectNode removed = released.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("comment");
        assertTrue(has(SchemaCompatibility.breakingChanges(released, removed), "property comment removed"));

        ObjectNode retyped = released.deepCopy();
        ((ObjectNode) retyped.get("properties").get("csat")).put("type", "string");
        assertTrue(has(SchemaCompatibility.breakingChanges(released, retyped), "type changed"));

        ObjectNode required = released.deepCopy();
        ((ArrayNode) required.get("required")).add("comment");
        assertTrue(has(SchemaCompatibility.breakingChanges(released, required), "comment newly required"));

        ObjectNode narrowed = released.deepCopy();
        ((ObjectNode) narrowed.get("properties").get("nps")).put("maximum", 9);
        assertTrue(has(SchemaCompatibility.breakingChanges(released, narrowed), "maximum narrowed"));

        ObjectNode enumDropped = released.deepCopy();
        ((ArrayNode) enumDropped.get("properties").get("source").get("enum")).remove(0);
        assertTrue(has(SchemaCompatibility.breakingChanges(released, enumDropped), "enum values removed"));

        ObjectNode added = released.deepCopy();
        ((ObjectNode) added.get("properties")).putObject("confidential").put("type", "boolean");
        ((ArrayNode) added.get("properties").get("source").get("enum")).add("CHAT");
        assertEquals(List.of(), SchemaCompatibility.breakingChanges(released, added),
                "an optional property or a new enum value is compatible");
    }

    private static boolean has(List<String> problems, String fragment) {
        return problems.stream().anyMatch(p -> p.contains(fragment));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        }
    }
}
