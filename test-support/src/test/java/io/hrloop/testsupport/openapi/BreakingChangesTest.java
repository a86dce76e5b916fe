package io.hrloop.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.JsonNode;

class BreakingChangesTest {

    static JsonNode document(String name) throws IOException {
        try (InputStream in = BreakingChangesTest.class.getResourceAsStream("/openapi/" + name)) {
            return ApiDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyBreakingChangeIsReportedAndNothingElse() throws IOException {
        List<String> found = BreakingChanges.between(document("old.yaml"), document("new.yaml"));
        assertEquals(java.util.stream.Stream.of(
                "GET /api/v1/things: operationId changed from listThings to findThings",
                "GET /api/v1/things: response 404 removed",
                "GET /api/v1/things: response 200 application/json[].size: type changed from integer to string",
                "GET /api/v1/things: response 200 application/json[].owner: member 'name' removed",
                "GET /api/v1/things: new required query parameter team",
                "POST /api/v1/things: request application/json: member 'colour' is now required",
                "operation removed: DELETE /api/v1/things/{id}").sorted().toList(), found.stream().sorted().toList());
    }

    @Test
    void aDocumentIsCompatibleWithItselfAndWithAdditions() throws IOException {
        assertEquals(List.of(), BreakingChanges.between(document("old.yaml"), document("old.yaml")));
        JsonNode added = document("old.yaml");
        ((com.fasterxml.jackson.databind.node.ObjectNode) added.path("paths")).set("/api/v1/more",
                ApiDocument.parse("get: {operationId: more, tags: [things], responses: {'200': {description: ok}}}"));
        assertEquals(List.of(), BreakingChanges.between(document("old.yaml"), added));
        assertEquals(List.of("path removed: /api/v1/more"), BreakingChanges.between(added, document("old.yaml")));
    }

    @Test
    void theLintFindsMissingAndDuplicateIdsAndBodiesWithoutExamples() throws IOException {
        JsonNode doc = document("new.yaml");
        assertEquals(List.of(), ApiDocument.lint(document("old.yaml")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("paths").path("/api/v1/things/{id}").path("get"))
                .put("operationId", "createThing");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("paths").path("/api/v1/things").path("post")
                .path("requestBody").path("content").path("application/json")).remove("examples");
        List<String> missing = ApiDocument.lint(doc);
        assertTrue(missing.contains("GET /api/v1/things/{id}: operationId createThing is also the id of POST /api/v1/things"),
                missing.toString());
        assertTrue(missing.contains("POST /api/v1/things: request body application/json has no example"), missing.toString());
    }

    @Test
    void aBreakingChangeFailsVerificationWithAReadableReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path committed = dir.resolve("things.yaml");
        java.nio.file.Files.writeString(committed, document("old.yaml").toString());
        String served = new String(BreakingChangesTest.class.getResourceAsStream("/openapi/new.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ApiDocument.verify("things", committed, served, false, false));
        assertTrue(failure.getMessage().contains("breaks clients of the committed things.yaml"), failure.getMessage());
        assertTrue(failure.getMessage().contains("operation removed: DELETE /api/v1/things/{id}"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dhrloop.api.allow-breaking=true"), failure.getMessage());
    }

    @Test
    void aCompatibleButUncommittedChangeFailsWithTheCommandThatRegenerates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path committed = dir.resolve("things.yaml");
        java.nio.file.Files.writeString(committed, document("old.yaml").toString());
        JsonNode added = document("old.yaml");
        ((com.fasterxml.jackson.databind.node.ObjectNode) added.path("info")).put("description", "now described");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ApiDocument.verify("things", committed, added.toString(), false, false));
        assertTrue(failure.getMessage().contains("/info/description (new)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dhrloop.api.update=true"), failure.getMessage());
        ApiDocument.verify("things", committed, document("old.yaml").toString(), false, false);
    }
}
