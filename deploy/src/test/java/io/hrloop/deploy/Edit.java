package io.hrloop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Copies of the base manifests with one deliberate mistake, to show that a policy can fail. */
final class Edit {

    private final List<Manifest> documents;

    private Edit(List<Manifest> documents) {
        this.documents = documents;
    }

    static Edit base() {
        return new Edit(Kustomize.load(Repo.base()).resources().stream().map(Manifest::copy).toList());
    }

    /** Changes the document of that kind and name; fails if there is none. */
    Edit change(String kind, String name, Consumer<ObjectNode> change) {
        Manifest target = documents.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
        change.accept(target.node());
        return this;
    }

    Edit remove(String kind, String name) {
        List<Manifest> kept = new ArrayList<>(documents);
        if (!kept.removeIf(m -> m.is(kind) && m.name().equals(name))) {
            throw new IllegalArgumentException("no " + kind + " " + name);
        }
        return new Edit(kept);
    }

    Edit add(String yaml) {
        List<Manifest> more = new ArrayList<>(documents);
        more.addAll(Yaml.read(yaml, "added"));
        return new Edit(more);
    }

    List<Manifest> documents() {
        return documents;
    }

    List<String> violations() {
        return Policies.check(documents, false);
    }

    /** The object at a dotted path with [i] indexes, e.g. "spec.template.spec.containers[0]". */
    static ObjectNode at(ObjectNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            node = node.get(field);
            if (bracket >= 0) {
                node = node.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
            if (node == null) {
                throw new IllegalArgumentException("no " + path + " (stopped at " + part + ")");
            }
        }
        return (ObjectNode) node;
    }

    static ArrayNode array(ObjectNode root, String path, String field) {
        return (ArrayNode) at(root, path).get(field);
    }

    static ObjectNode container(ObjectNode deployment) {
        return at(deployment, "spec.template.spec.containers[0]");
    }

    /** The env entry of that name in the first container. */
    static ObjectNode env(ObjectNode deployment, String name) {
        for (JsonNode entry : container(deployment).get("env")) {
            if (name.equals(entry.path("name").asText())) {
                return (ObjectNode) entry;
            }
        }
        throw new IllegalArgumentException("no env " + name);
    }
}
