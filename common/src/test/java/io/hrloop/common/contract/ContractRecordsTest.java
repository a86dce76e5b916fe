package io.hrloop.common.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;

/**
 * The typed event records and the JSON Schemas are one contract: every record has exactly its schema's
 * members, with Java types that hold the schema's values (nullable where the schema allows null or does not
 * require the member), every shared example reads into its record and writes back to valid data that says
 * the same, and the theme taxonomy is the schema's enum.
 */
class ContractRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    private static final Map<String, Set<Class<?>>> JAVA_TYPES = Map.of(
            "string", Set.of(String.class, UUID.class, OffsetDateTime.class, LocalDate.class, Theme.class),
            "integer", Set.of(int.class, Integer.class),
            "number", Set.of(double.class, Double.class),
            "boolean", Set.of(boolean.class, Boolean.class),
            "array", Set.of(List.class),
            "object", Set.of(ImprovementEvidenceAdded.Evidence.class, FeedbackReceived.CommentEmbedding.class));

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void theRecordHasExactlyTheSchemasMembersWithFittingTypes(EventCatalog type) throws IOException {
        JsonNode schema = read(type.schemaResource());
        Set<String> properties = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Map<String, RecordComponent> components = Arrays.stream(type.dataType().getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        assertEquals(properties, components.keySet(), type.type() + ": record components vs schema properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            Class<?> java = components.get(property.getKey()).getType();
            Set<String> types = jsonTypes(property.getValue());
            boolean fits = types.stream().filter(t -> !t.equals("null"))
                    .allMatch(t -> JAVA_TYPES.getOrDefault(t, Set.of()).contains(java));
            assertTrue(fits, type.type() + "." + property.getKey() + ": " + java.getSimpleName() + " for " + types);
            boolean nullable = types.contains("null") || !required.contains(property.getKey());
            assertFalse(nullable && java.isPrimitive(), type.type() + "." + property.getKey()
                    + " may be absent or null, so it cannot be a " + java);
            String format = property.getValue().path("format").asText("");
            if (format.equals("date-time")) {
                assertEquals(OffsetDateTime.class, java, type.type() + "." + property.getKey());
            } else if (format.equals("date")) {
                assertEquals(LocalDate.class, java, type.type() + "." + property.getKey());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void theSharedExampleReadsIntoItsRecordAndWritesBackTheSameValidData(EventCatalog type) throws IOException {
        JsonNode data = read("contracts/examples/" + type.type() + ".json").get("data");
        EventData event = JSON.treeToValue(data, type.dataType());
        assertEquals(type, event.eventType());
        // An absent optional member reads as null; written back without it, as the example had it.
        JsonNode written = JSON.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .valueToTree(event);
        assertEquals(List.of(), EventSchemas.violations(type, written));
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode back = written.has(field.getKey()) ? written.get(field.getKey())
                    : com.fasterxml.jackson.databind.node.NullNode.getInstance();
            if (field.getValue().isTextual() && looksLikeTime(field.getValue().asText())) {
                assertEquals(OffsetDateTime.parse(field.getValue().asText()).toInstant(),
                        OffsetDateTime.parse(back.asText()).toInstant(), type.type() + "." + field.getKey());
            } else if (field.getValue().isNumber()) {
                assertEquals(field.getValue().asDouble(), back.asDouble(), 1e-9, type.type() + "." + field.getKey());
            } else {
                assertEquals(field.getValue(), back, type.type() + "." + field.getKey());
            }
        }
    }

    @Test
    void theThemeTaxonomyIsTheContractsEnum() throws IOException {
        for (EventCatalog type : EventCatalog.values()) {
            JsonNode themes = read(type.schemaResource()).path("properties").path("themes");
            if (themes.isMissingNode()) {
                continue;
            }
            List<String> keys = new java.util.ArrayList<>();
            themes.path("items").path("enum").forEach(k -> keys.add(k.asText()));
            assertEquals(Theme.KEYS, keys, type.type() + " themes");
        }
    }

    private static boolean looksLikeTime(String value) {
        return value.length() > 10 && value.charAt(4) == '-' && value.charAt(10) == 'T';
    }

    private static Set<String> jsonTypes(JsonNode property) {
        Set<String> types = new HashSet<>();
        JsonNode type = property.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (property.has("enum")) {
            property.get("enum").forEach(v -> types.add(v.isNull() ? "null" : "string"));
        }
        return types;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ContractRecordsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
