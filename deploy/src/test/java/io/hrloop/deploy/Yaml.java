package io.hrloop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads multi-document YAML the way the API server would accept it: a repeated key is an error. */
final class Yaml {

    static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Yaml() {
    }

    static List<Manifest> read(Path file, Path relativeTo) {
        try {
            return read(Files.readString(file), relativeTo.relativize(file).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of the text; a document that is not a mapping is an error. */
    static List<Manifest> read(String text, String sourceName) {
        List<Manifest> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            int index = 0;
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                index++;
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(sourceName + " document " + index + " is not a mapping");
                }
                documents.add(new Manifest(sourceName + "#" + index, object));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(sourceName + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }
}
