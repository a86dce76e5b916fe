package io.hrloop.testsupport.openapi;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One document for a portal behind one gateway that routes {@code /api/v1/...} to the three services (their paths do
 * not overlap): the union of the three committed documents. Left out: the operator's dead-letter operations, which
 * every service has under the same path (they are reached per service, not through a portal). A schema two services
 * name alike but describe differently is renamed in the second with its service as a prefix
 * ({@code FeedbackComment}), and that service's references follow.
 */
public final class CombinedDocument {

    /** The services, in the order their documents are merged. */
    public static final List<String> SERVICES = List.of("request-service", "feedback-service", "improvement-service");

    private static final String DEAD_LETTERS = "/api/v1/dead-letters";
    private static final String SCHEMAS = "#/components/schemas/";

    private CombinedDocument() {
    }

    public static ObjectNode combine(Map<String, JsonNode> documents) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out = mapper.createObjectNode();
        JsonNode first = documents.get(SERVICES.get(0));
        out.put("openapi", first.path("openapi").asText());
        ObjectNode info = out.putObject("info");
        info.put("title", "HR Loop API (request-, feedback- and improvement-service behind one gateway)");
        info.put("description", "The three services' documents in one, for a portal behind a gateway that routes "
                + "/api/v1/... to the owning service. Generated from api/<service>.yaml; do not edit.");
        info.put("version", first.path("info").path("version").asText());
        info.set("contact", first.path("info").path("contact"));
        out.set("servers", first.path("servers"));
        ObjectNode paths = mapper.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Map<String, JsonNode> schemas = new TreeMap<>();
        ObjectNode otherComponents = mapper.createObjectNode();
        for (String service : SERVICES) {
            JsonNode doc = documents.get(service).deepCopy();
            Map<String, String> renamed = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> schema = it.next();
                JsonNode existing = schemas.get(schema.getKey());
                if (existing != null && !existing.equals(schema.getValue())) {
                    renamed.put(schema.getKey(), prefix(service) + schema.getKey());
                }
            }
            rewrite(doc, renamed);
            doc.path("components").path("schemas").fields().forEachRemaining(s -> schemas.putIfAbsent(s.getKey(), s.getValue()));
            doc.path("components").fields().forEachRemaining(c -> {
                if (!c.getKey().equals("schemas")) {
                    ObjectNode kind = otherComponents.has(c.getKey()) ? (ObjectNode) otherComponents.get(c.getKey())
                            : otherComponents.putObject(c.getKey());
                    c.getValue().fields().forEachRemaining(e -> kind.set(e.getKey(), e.getValue()));
                }
            });
            doc.path("tags").forEach(t -> tags.putIfAbsent(t.path("name").asText(), t));
            doc.path("paths").fields().forEachRemaining(p -> {
                if (p.getKey().startsWith(DEAD_LETTERS)) {
                    return;
                }
                if (paths.has(p.getKey())) {
                    throw new IllegalStateException(p.getKey() + " is served by two services; it cannot be combined");
                }
                paths.set(p.getKey(), p.getValue());
            });
        }
        tags.remove("Dead letters");
        ObjectNode components = out.putObject("components");
        ObjectNode schemaNode = components.putObject("schemas");
        schemas.forEach(schemaNode::set);
        otherComponents.fields().forEachRemaining(c -> components.set(c.getKey(), c.getValue()));
        out.set("paths", sorted(mapper, paths));
        ArrayNode tagNode = out.putArray("tags");
        tags.values().forEach(tagNode::add);
        // Schemas only the dead-letter operations used are left unreferenced; they stay (harmless and stable).
        return out;
    }

    private static ObjectNode sorted(ObjectMapper mapper, ObjectNode node) {
        Map<String, JsonNode> byName = new TreeMap<>();
        node.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
        ObjectNode sorted = mapper.createObjectNode();
        byName.forEach(sorted::set);
        return sorted;
    }

    private static String prefix(String service) {
        String name = service.substring(0, service.indexOf('-'));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Renames schemas (their definitions and every {@code $ref} to them) within one document. */
    private static void rewrite(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String to = renamed.get(ref.asText().substring(SCHEMAS.length()));
                if (to != null) {
                    object.set("$ref", TextNode.valueOf(SCHEMAS + to));
                }
            }
            JsonNode schemas = object.path("components").path("schemas");
            if (schemas.isObject()) {
                ObjectNode renamedSchemas = new ObjectMapper().createObjectNode();
                schemas.fields().forEachRemaining(s -> renamedSchemas.set(renamed.getOrDefault(s.getKey(), s.getKey()), s.getValue()));
                ((ObjectNode) object.get("components")).set("schemas", renamedSchemas);
            }
            object.fields().forEachRemaining(e -> rewrite(e.getValue(), renamed));
        } else if (node.isArray()) {
            node.forEach(child -> rewrite(child, renamed));
        }
    }
}
