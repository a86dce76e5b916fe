package io.hrloop.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * api/hrloop.yaml is the three committed service documents combined ({@link CombinedDocument}). Regenerate it with
 * the services' documents: {@code -Dhrloop.api.update=true} on a test-support run rewrites it.
 */
class CombinedDocumentTest {

    @Test
    void theCombinedDocumentIsTheUnionOfTheCommittedOnes() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : CombinedDocument.SERVICES) {
            documents.put(service, ApiDocument.parse(ApiDocument.read(ApiDocument.committed(service))));
        }
        JsonNode combined = CombinedDocument.combine(documents);
        assertEquals(List.of(), ApiDocument.lint(combined));
        int operations = 0;
        for (Map.Entry<String, JsonNode> doc : documents.entrySet()) {
            for (var paths = doc.getValue().path("paths").fields(); paths.hasNext();) {
                var path = paths.next();
                if (!path.getKey().startsWith("/api/v1/dead-letters")) {
                    assertFalse(combined.path("paths").path(path.getKey()).isMissingNode(), path.getKey());
                    operations += path.getValue().size();
                }
            }
        }
        List<String> ids = new ArrayList<>();
        combined.path("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));
        assertEquals(operations, ids.size());

        Path file = ApiDocument.repositoryRoot().resolve("api").resolve("hrloop.yaml");
        if (Files.exists(file) && ApiDocument.parse(ApiDocument.read(file)).equals(combined)) {
            return;
        }
        if (ApiDocument.flag(ApiDocument.UPDATE)) {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
            ApiDocument.write(file, yaml.writeValueAsString(combined));
            return;
        }
        fail("api/hrloop.yaml is not the combination of api/*-service.yaml; regenerate it:\n  "
                + "flock /tmp/hrloop-build.lock ./mvnw -B test -pl test-support -am -Dtest=CombinedDocumentTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dhrloop.api.update=true");
    }
}
