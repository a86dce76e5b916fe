package io.hrloop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The openAPIV3Schema of the Strimzi and CloudNativePG CRDs (src/test/resources/crds) as JSON Schema.
 *
 * <p>Kubernetes prunes or, with strict field validation, refuses fields a structural schema does not
 * declare; JSON Schema allows them. So every object schema that lists properties and does not say
 * {@code x-kubernetes-preserve-unknown-fields} is closed here ({@code additionalProperties: false}),
 * and {@code x-kubernetes-int-or-string} becomes "integer or string". CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated: they need the API server.
 */
final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

    /** "group/version Kind" to the schema of a whole object and to the same without "required" (patches). */
    private final Map<String, JsonSchema> complete = new HashMap<>();
    private final Map<String, JsonSchema> partial = new HashMap<>();

    static CrdSchemas load() {
        CrdSchemas schemas = new CrdSchemas();
        try (Stream<Path> files = Files.list(crdDirectory())) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(schemas::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    private static Path crdDirectory() {
        try {
            return Path.of(Objects.requireNonNull(CrdSchemas.class.getResource("/crds")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(Path file) {
        for (Manifest crd : Yaml.read(file, file.getParent())) {
            JsonNode spec = crd.spec();
            String group = spec.path("group").asText();
            String kind = spec.path("names").path("kind").asText();
            for (JsonNode version : spec.path("versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                JsonNode schema = version.path("schema").path("openAPIV3Schema");
                String type = group + "/" + version.path("name").asText() + " " + kind;
                complete.put(type, FACTORY.getSchema(structural(schema, false), CONFIG));
                partial.put(type, FACTORY.getSchema(structural(schema, true), CONFIG));
            }
        }
    }

    boolean knows(Manifest manifest) {
        return complete.containsKey(manifest.type());
    }

    int size() {
        return complete.size();
    }

    /** Problems of a whole custom resource, metadata included. */
    List<String> validate(Manifest manifest) {
        return validate(manifest, complete);
    }

    /** Problems of a strategic-merge patch: only the fields present are checked, none is required. */
    List<String> validatePatch(Manifest manifest) {
        return validate(manifest, partial);
    }

    private List<String> validate(Manifest manifest, Map<String, JsonSchema> schemas) {
        JsonSchema schema = schemas.get(manifest.type());
        if (schema == null) {
            return List.of(manifest.source() + ": no CRD schema for " + manifest.type());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(manifest.node())) {
            problems.add(manifest.source() + ": " + message.getMessage());
        }
        problems.addAll(CoreModel.validateMetadata(manifest));
        return problems;
    }

    /** A copy of the schema with Kubernetes' structural-schema rules expressed in JSON Schema. */
    static JsonNode structural(JsonNode schema, boolean partial) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), structural(p.getValue(), partial)));
                }
                case "items", "additionalProperties", "not" -> out.set(key, structural(value, partial));
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = out.putArray(key);
                    value.forEach(item -> list.add(structural(item, partial)));
                }
                case "required" -> {
                    if (!partial) {
                        out.set(key, value);
                    }
                }
                default -> {
                    // Kubernetes extensions and documentation are not JSON Schema keywords.
                    if (!key.startsWith("x-kubernetes-") && !key.equals("example") && !key.equals("nullable")) {
                        out.set(key, value);
                    }
                }
            }
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            out.remove("type");
            if (!out.has("anyOf")) {
                ArrayNode anyOf = out.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        if (schema.path("nullable").asBoolean() && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (schema.has("properties") && !schema.has("additionalProperties") && !open) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
