package io.hrloop.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The event contract in the repository is complete and self-consistent. */
class ContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everySharedExampleParsesAsACloudEventAndConformsToItsSchema(EventCatalog type) throws IOException {
        byte[] bytes = resource("contracts/examples/" + type.type() + ".json");
        IncomingEvent event = Envelope.parse(bytes, JSON);
        assertEquals(type.type(), event.type());
        assertEquals(List.of(), EventSchemas.violations(type, event.data()));
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void theAsyncApiDocumentDescribesEveryTypeOnItsTopic(EventCatalog type) throws IOException {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(resource("contracts/asyncapi.yaml"));
        String channel = type.topic().replace('.', '-');
        assertEquals(type.topic(), asyncApi.path("channels").path(channel).path("address").asText());
        assertFalse(asyncApi.path("channels").path(channel).path("messages").path(type.type().replace('.', '-')).isMissingNode(),
                type.type() + " missing from channel " + channel);
        assertEquals(type.type(), asyncApi.path("components").path("messages").path(type.type().replace('.', '-'))
                .path("name").asText());
    }

    @Test
    void whatTheEnvelopeWritesItReadsBack() throws IOException {
        byte[] data = JSON.writeValueAsBytes(JSON.readTree(resource("contracts/examples/hr.person.erased.json")).get("data"));
        byte[] bytes = Envelope.serialize("e-1", "/hrloop/request-service", EventCatalog.PERSON_ERASED, "emp-1",
                OffsetDateTime.parse("2026-11-21T00:00:00Z"), data);
        JsonNode wire = JSON.readTree(bytes);
        assertEquals("1.0", wire.get("specversion").asText());
        assertTrue(wire.get("data").isObject(), "structured mode carries data as a JSON object");
        IncomingEvent event = Envelope.parse(bytes, JSON);
        assertEquals("emp-1", event.subject());
        assertEquals("emp-1001", event.text("personId"));
    }

    @Test
    void malformedEventsAreRecognisedAsSuch() throws IOException {
        assertThrows(MalformedEventException.class, () -> Envelope.parse("{nope".getBytes(), JSON));
        assertThrows(MalformedEventException.class, () -> Envelope.parse(new byte[0], JSON));
        ObjectNode noSubject = (ObjectNode) JSON.readTree(resource("contracts/examples/hr.request.submitted.json"));
        noSubject.remove("subject");
        assertThrows(MalformedEventException.class, () -> Envelope.parse(JSON.writeValueAsBytes(noSubject), JSON));
        ObjectNode bad = (ObjectNode) JSON.readTree(resource("contracts/examples/hr.feedback.received.json")).get("data");
        bad.put("anonymous", true); // signed person id on anonymous feedback
        List<String> violations = new ArrayList<>(EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED, bad));
        assertFalse(violations.isEmpty(), "anonymous feedback must not carry a person id");
    }

    @Test
    void theEnvelopeAndItsDataAreReadByTheMappersOwnRules() throws IOException {
        byte[] bytes = resource("contracts/examples/hr.request.submitted.json");
        assertEquals(JSON.readTree(bytes).get("data"), Envelope.parse(bytes, JSON).data(), "the data as sent");
        // A member given twice in the data: one mapper takes the last value, one that refuses duplicates refuses it.
        String twice = new String(bytes, StandardCharsets.UTF_8)
                .replaceFirst("\"data\"\\s*:\\s*\\{", "\"data\": {\"team\": \"x\",");
        assertEquals("payroll", Envelope.parse(twice.getBytes(), JSON).data().get("team").asText());
        ObjectMapper strict = new ObjectMapper();
        strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        assertThrows(MalformedEventException.class, () -> Envelope.parse(twice.getBytes(), Envelope.reader(strict)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
