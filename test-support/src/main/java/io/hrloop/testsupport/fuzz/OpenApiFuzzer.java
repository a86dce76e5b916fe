package io.hrloop.testsupport.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Derives hostile requests from a service's own OpenAPI document, deterministically from a seed: for every
 * operation under {@code /api/}, bad path ids, bad query parameters, bad headers and (through
 * {@link BodyMutations}) bad bodies and content types; then seeded random combinations until the count asked
 * for is reached. Every input is meant to be refused: a write carries at least one thing the server must
 * refuse, so that a 2xx on a write is a finding and the database must not change.
 */
public final class OpenApiFuzzer {

    /** A value for a path parameter (a real id, say) or null to make one up. */
    @FunctionalInterface
    public interface PathValues {
        String value(String path, String parameter);
    }

    /** An operation of the document. */
    public record Operation(String method, String path, JsonNode node) {
        public String id() {
            return method + " " + path;
        }

        boolean write() {
            return !"GET".equals(method);
        }
    }

    private final JsonNode document;
    private final Random random;
    private final Schemas schemas;
    private final PathValues pathValues;
    private final BodyMutations bodies;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApiFuzzer(JsonNode document, long seed, PathValues pathValues) {
        this.document = document;
        this.random = new Random(seed);
        this.schemas = new Schemas(document, random);
        this.pathValues = pathValues;
        this.bodies = new BodyMutations(schemas, random);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
                }
            }
        }
    }

    public static OpenApiFuzzer of(JsonNode openApi, long seed, PathValues pathValues) {
        return new OpenApiFuzzer(openApi, seed, pathValues);
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation's path with its parameters filled in, and the body a valid call could send (or null). */
    public String baseTarget(Operation op) {
        return target(op, null, null);
    }

    public byte[] baseBody(Operation op) {
        JsonNode body = bodies.base(op);
        return body == null ? null : BodyMutations.bytes(body);
    }

    /** At least {@code atLeast} inputs: every derived one, then seeded random combinations. */
    public List<FuzzInput> inputs(int atLeast) {
        List<FuzzInput> out = new ArrayList<>();
        for (Operation op : operations) {
            pathInputs(op, out);
            queryInputs(op, out);
            headerInputs(op, out);
            bodies.inputs(op, target(op, null, null), headers(op), out);
            out.add(input(op, "uri.too-long", target(op, null, null) + "?pad=" + "x".repeat(9_000), op.write()));
            out.add(input(op, "uri.too-long", target(op, null, null) + "?pad=" + "%41".repeat(20_000), op.write()));
        }
        while (out.size() < atLeast) {
            out.add(randomInput(operations.get(random.nextInt(operations.size()))));
        }
        return out;
    }

    private void pathInputs(Operation op, List<FuzzInput> out) {
        for (JsonNode parameter : parameters(op, "path")) {
            String name = parameter.path("name").asText();
            List<String> values = new ArrayList<>(HostileValues.URL_ALWAYS_INVALID);
            values.add("x".repeat(9_000));
            JsonNode schema = schemas.resolve(parameter.get("schema"));
            if (!op.write() || "uuid".equals(schema.path("format").asText()) || schema.has("maxLength")) {
                // A write with a free-text key and no limit could legitimately create something; reads cannot.
                values.addAll(op.write() && !schema.has("format") ? List.of("x".repeat(schema.path("maxLength").asInt(0) + 1))
                        : HostileValues.URL_TEXT);
            }
            for (String value : values) {
                out.add(input(op, "path:" + name, target(op, name, value), false));
            }
        }
    }

    private void queryInputs(Operation op, List<FuzzInput> out) {
        String base = target(op, null, null);
        for (JsonNode parameter : parameters(op, "query")) {
            String name = parameter.path("name").asText();
            for (String value : op.write() ? HostileValues.URL_ALWAYS_INVALID : queryValues(name, parameter.get("schema"))) {
                out.add(input(op, "query:" + name, base + "?" + name + "=" + value, false));
            }
            if (!op.write()) {
                out.add(input(op, "query.repeated:" + name, base + "?" + (name + "=%00&").repeat(50) + name + "=1", false));
            }
        }
        out.add(input(op, "query.unknown", base + "?%00=1&zzz=%00", false));
    }

    private List<String> queryValues(String name, JsonNode schema) {
        List<String> values = new ArrayList<>(HostileValues.URL_ALWAYS_INVALID);
        JsonNode s = schemas.resolve(schema);
        String type = schemas.type(s);
        String format = s.path("format").asText();
        if (name.toLowerCase().contains("cursor")) {
            values.addAll(HostileValues.URL_CURSORS);
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.addAll(HostileValues.URL_NUMBERS);
        } else if (format.startsWith("date") || List.of("from", "to", "since", "until", "before", "after").contains(name)
                || name.endsWith("From") || name.endsWith("To")) {
            values.addAll(HostileValues.URL_DATES);
        } else {
            values.addAll(HostileValues.URL_TEXT);
        }
        return values;
    }

    private void headerInputs(Operation op, List<FuzzInput> out) {
        String target = target(op, null, null);
        for (JsonNode parameter : parameters(op, "header")) {
            String name = parameter.path("name").asText();
            for (String value : List.of("\"zzz\"", "*", "W/\"1\"", "\"" + "9".repeat(40) + "\"", "-1", "\"1\", \"2\"", "\"",
                    "\"-1\"", "\"1e400\"", "x".repeat(5_000), "\u00c3\u0028")) {
                Map<String, String> headers = new LinkedHashMap<>(headers(op));
                headers.put(name, value);
                byte[] body = baseBody(op);
                out.add(new FuzzInput(op.id(), "header:" + name, op.method(), target,
                        body == null ? null : "application/json", headers, body == null ? null : bodies.broken(op), false));
            }
        }
    }

    private FuzzInput randomInput(Operation op) {
        if (bodies.base(op) != null && random.nextBoolean()) {
            return bodies.random(op, target(op, null, null), headers(op));
        }
        List<String> pool = new ArrayList<>(HostileValues.URL_TEXT);
        pool.addAll(HostileValues.URL_NUMBERS);
        pool.addAll(HostileValues.URL_DATES);
        pool.addAll(HostileValues.URL_CURSORS);
        String mustRefuse = HostileValues.URL_ALWAYS_INVALID.get(random.nextInt(HostileValues.URL_ALWAYS_INVALID.size()));
        String value = pick(pool) + (op.write() || random.nextBoolean() ? mustRefuse : "") + pick(pool);
        List<JsonNode> path = parameters(op, "path");
        List<JsonNode> query = parameters(op, "query");
        String target;
        if (!path.isEmpty() && (query.isEmpty() || random.nextBoolean())) {
            target = target(op, path.get(random.nextInt(path.size())).path("name").asText(), value);
        } else {
            String name = query.isEmpty() ? "q" : query.get(random.nextInt(query.size())).path("name").asText();
            target = target(op, null, null) + "?" + name + "=" + value + "&limit=" + pick(HostileValues.URL_NUMBERS);
        }
        return input(op, "random.url", target, random.nextInt(3) == 0);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private FuzzInput input(Operation op, String kind, String target, boolean alternate) {
        byte[] body = bodies.base(op) == null ? null : bodies.broken(op);
        return new FuzzInput(op.id(), kind, op.method(), target, body == null ? null : "application/json", headers(op),
                body, alternate);
    }

    /** The headers a valid call would send: an If-Match where the operation takes one (so 428 hides nothing). */
    private Map<String, String> headers(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(op, "header")) {
            if ("If-Match".equalsIgnoreCase(parameter.path("name").asText())) {
                headers.put("If-Match", "\"0\"");
            }
        }
        return headers;
    }

    private List<JsonNode> parameters(Operation op, String in) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode parameter : op.node().path("parameters")) {
            JsonNode p = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
            if (in.equals(p.path("in").asText())) {
                out.add(p);
            }
        }
        return out;
    }

    private String target(Operation op, String hostileParameter, String hostileValue) {
        String path = op.path();
        for (JsonNode parameter : parameters(op, "path")) {
            String name = parameter.path("name").asText();
            String value = name.equals(hostileParameter) ? hostileValue : pathValues.value(op.path(), name);
            if (value == null) {
                JsonNode schema = schemas.resolve(parameter.get("schema"));
                value = "uuid".equals(schema.path("format").asText()) ? schemas.uuid() : "fuzz-" + schemas.uuid().substring(0, 8);
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
