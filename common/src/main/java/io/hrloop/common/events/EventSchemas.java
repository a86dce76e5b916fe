package io.hrloop.common.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event data against the JSON Schemas of the contract (contracts/schemas on the classpath). */
public final class EventSchemas {

    private static final Map<EventCatalog, JsonSchema> SCHEMAS = load();

    private EventSchemas() {
    }

    private static Map<EventCatalog, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<EventCatalog, JsonSchema> schemas = new EnumMap<>(EventCatalog.class);
        for (EventCatalog type : EventCatalog.values()) {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /** The violations of {@code data} against the schema of {@code type}; empty when it conforms. */
    public static List<String> violations(EventCatalog type, JsonNode data) {
        Set<ValidationMessage> messages = SCHEMAS.get(type).validate(data);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static void requireValid(EventCatalog type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(type.type() + " violates its schema: " + String.join("; ", violations));
        }
    }
}
