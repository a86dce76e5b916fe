package io.hrloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One YAML document: where it came from (file and position, for messages) and its content. */
record Manifest(String source, ObjectNode node) {

    String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    String kind() {
        return node.path("kind").asText("");
    }

    String name() {
        return node.path("metadata").path("name").asText("");
    }

    /** "apps/v1 Deployment" - the key validators are registered under. */
    String type() {
        return apiVersion() + " " + kind();
    }

    JsonNode spec() {
        return node.path("spec");
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    Manifest copy() {
        return new Manifest(source, node.deepCopy());
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + source + ")";
    }
}
