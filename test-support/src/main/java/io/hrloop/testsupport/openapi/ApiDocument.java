package io.hrloop.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The committed API document of a service ({@code api/<service>.yaml} at the repository root) against the one the
 * service serves at {@code /q/openapi}. Portal teams generate clients from the committed documents, so they must be
 * what the service serves, and a change must not break those clients.
 * <p>
 * After adding or changing an endpoint, regenerate with {@code -Dhrloop.api.update=true} (see {@link #regenerate}).
 * A breaking change fails even then, unless {@code -Dhrloop.api.allow-breaking=true} says it is meant (a new major
 * version of the API).
 */
public final class ApiDocument {

    public static final String UPDATE = "hrloop.api.update";
    public static final String ALLOW_BREAKING = "hrloop.api.allow-breaking";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private ApiDocument() {
    }

    /** The one-line command that rewrites {@code api/<service>.yaml} from what the service serves. */
    public static String regenerate(String service) {
        return "flock /tmp/hrloop-build.lock ./mvnw -B test -pl " + service + " -am -Dtest=OpenApiDocumentTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";
    }

    /** The committed document's file. */
    public static Path committed(String service) {
        return repositoryRoot().resolve("api").resolve(service + ".yaml");
    }

    public static JsonNode parse(String yamlOrJson) {
        try {
            return YAML.readTree(yamlOrJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The served document names every operation uniquely and shows an example of every request body; the list of
     * what is missing, empty when nothing is.
     */
    public static List<String> lint(JsonNode document) {
        List<String> missing = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = document.path("paths").fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> op = o.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isBlank()) {
                    missing.add(where + ": no operationId (add @Operation(operationId = \"verbNoun\"))");
                } else if (ids.containsKey(id)) {
                    missing.add(where + ": operationId " + id + " is also the id of " + ids.get(id));
                } else {
                    ids.put(id, where);
                }
                if (op.getValue().path("tags").isEmpty()) {
                    missing.add(where + ": no tag");
                }
                for (Iterator<Map.Entry<String, JsonNode>> media = op.getValue().path("requestBody").path("content").fields(); media.hasNext();) {
                    Map.Entry<String, JsonNode> m = media.next();
                    if (m.getValue().path("examples").isEmpty() && !m.getValue().has("example")
                            && !m.getValue().path("schema").has("example")) {
                        missing.add(where + ": request body " + m.getKey() + " has no example");
                    }
                }
            }
        }
        return missing;
    }

    /**
     * Fails when the served document lacks operation ids or examples, breaks clients of the committed one, or
     * differs from it; with {@code -Dhrloop.api.update=true} it writes the served document instead of failing on a
     * difference.
     */
    public static void verify(String service, String servedYaml) {
        verify(service, committed(service), servedYaml, flag(UPDATE), flag(ALLOW_BREAKING));
    }

    /** {@link #verify(String, String)} against a given committed file, with the two switches given. */
    public static void verify(String service, Path file, String servedYaml, boolean update, boolean allowBreaking) {
        JsonNode served = parse(servedYaml);
        List<String> missing = lint(served);
        if (!missing.isEmpty()) {
            fail(service + "'s API document is incomplete:\n  " + String.join("\n  ", missing));
        }
        if (!Files.exists(file)) {
            if (update) {
                write(file, servedYaml);
                return;
            }
            fail("no committed API document " + file + "; create it with:\n  " + regenerate(service));
        }
        JsonNode committed = parse(read(file));
        List<String> breaking = BreakingChanges.between(committed, served);
        if (!breaking.isEmpty() && !allowBreaking) {
            fail(service + " serves an API that breaks clients of the committed " + file.getFileName() + ":\n  "
                    + String.join("\n  ", breaking) + "\nKeep the old shape (add, do not change or remove), or, for a "
                    + "new major version of the API, regenerate with -D" + ALLOW_BREAKING + "=true as well:\n  "
                    + regenerate(service) + " -D" + ALLOW_BREAKING + "=true");
        }
        if (committed.equals(served)) {
            return;
        }
        if (update) {
            write(file, servedYaml);
            return;
        }
        List<String> differences = new ArrayList<>();
        differences(committed, served, "", differences);
        fail(service + " serves a different API document than the committed " + file + " (compatible, but not "
                + "committed). Where they differ (JSON pointers, at most 20):\n  "
                + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                + "\nRegenerate and commit it:\n  " + regenerate(service));
    }

    /** The JSON pointers at which two documents differ. */
    static void differences(JsonNode was, JsonNode is, String at, List<String> out) {
        if (was.equals(is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Set<String> names = new HashSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!was.has(name)) {
                    out.add(child + " (new)");
                } else if (!is.has(name)) {
                    out.add(child + " (gone)");
                } else {
                    differences(was.get(name), is.get(name), child, out);
                }
            });
        } else if (was.isArray() && is.isArray() && was.size() == is.size()) {
            for (int i = 0; i < was.size(); i++) {
                differences(was.get(i), is.get(i), at + "/" + i, out);
            }
        } else {
            out.add(at.isEmpty() ? "/" : at);
        }
    }

    /** The document's servers: none names a host, so one document serves every deployment ("/" only). */
    public static List<String> servers(JsonNode document) {
        List<String> urls = new ArrayList<>();
        document.path("servers").forEach(server -> urls.add(server.path("url").asText()));
        return urls;
    }

    /** The PUT and PATCH operations whose 428 (If-Match missing) is not documented as problem+json. */
    public static List<String> replacesWithout428(JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("put", "patch")) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()
                        && operation.path("responses").path("428").path("content").path("application/problem+json").isMissingNode()) {
                    missing.add(method + " " + path.getKey());
                }
            }
        }
        return missing;
    }

    /** Whether a switch ({@link #UPDATE}, {@link #ALLOW_BREAKING}) is on, as a system property or environment variable. */
    public static boolean flag(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }

    /** The directory that holds the Maven wrapper: tests run in a module directory below it. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("common"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and common/) above " + dir);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
