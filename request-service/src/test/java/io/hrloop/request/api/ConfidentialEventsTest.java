package io.hrloop.request.api;

import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.support.Api;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events of a confidential case carry no free text: every consumer of hr.requests receives them. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ConfidentialEventsTest {

    @Test
    void aDeclinedConfidentialCaseTravelsWithItsPolicyButWithoutAnyText() {
        String type = Api.type(unique("er"), true, 60, 480);
        String person = unique("emp");
        String first = unique("er");
        String specialist = unique("er");
        String erLead = Tokens.of(unique("er-lead"), "employee-relations", "er-specialist", "hr-lead");
        String marker = "MARKC" + unique("x");
        String id = Api.submit(employee(person), type, "Concern about my manager");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            Api.assign(Api.erSpecialist(first), id, first).statusCode(200);
            as(Api.erSpecialist(specialist)).get("/api/v1/request-types").then().statusCode(200);
            as(erLead).body(Map.of("owner", specialist, "reason", marker + " reason")).post("/api/v1/requests/" + id
                    + "/assignment").then().statusCode(200);
            status(Api.erSpecialist(specialist), id, "IN_PROGRESS", marker + " starting").statusCode(200);
            status(Api.erSpecialist(specialist), id, "WAITING_ON_CUSTOMER", marker + " who else was there?")
                    .statusCode(200);
            status(Api.erSpecialist(specialist), id, "IN_PROGRESS", marker + " back").statusCode(200);
            as(Api.erSpecialist(specialist)).body(Map.of("reason", "ILLEGAL", "explanation", marker + " explanation",
                    "policyReference", "ER-POL-3", "alternative", marker + " alternative"))
                    .post("/api/v1/requests/" + id + "/decline").then().statusCode(201);
            as(erLead).body(Map.of("note", marker + " agreed")).post("/api/v1/requests/" + id + "/decline/confirm")
                    .then().statusCode(200);

            List<JsonNode> events = probe.await(6, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            for (JsonNode event : events) {
                assertFalse(event.toString().contains(marker), event.toString());
                assertTrue(event.path("data").path("confidential").asBoolean());
                EventCatalog eventType = EventCatalog.byType(event.path("type").asText()).orElseThrow();
                assertEquals(List.of(), EventSchemas.violations(eventType, event.path("data")), eventType.type());
            }
            JsonNode declined = events.getLast();
            assertEquals("hr.request.declined", declined.path("type").asText());
            assertEquals("ER-POL-3", declined.path("data").path("policyReference").asText());
            assertEquals("ILLEGAL", declined.path("data").path("reason").asText());
            assertTrue(declined.path("data").path("explanation").isNull()
                    || declined.path("data").path("explanation").isMissingNode());
        }
        as(employee(person)).get("/api/v1/requests/" + id + "/decline").then().statusCode(200)
                .body("explanation", org.hamcrest.Matchers.containsString(marker));
    }
}
