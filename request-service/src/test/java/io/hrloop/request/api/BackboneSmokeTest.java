package io.hrloop.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class BackboneSmokeTest {

    @Test
    void healthIsUpWithoutToken() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void protectedEndpointWithoutTokenIsProblem401() {
        given().when().get("/api/v1/requests").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void submittedRequestIsPublishedThroughTheOutboxAsAValidCloudEvent() {
        String person = "emp-" + UUID.randomUUID();
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            String id = given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                    .body("""
                            {"type":"payroll-query","subject":"Overtime missing","description":"October payslip"}""")
                    .when().post("/api/v1/requests")
                    .then().statusCode(201).header("Location", notNullValue())
                    .extract().path("id");
            List<JsonNode> events = probe.await(1, Duration.ofSeconds(20),
                    e -> id.equals(e.path("subject").asText()));
            assertEquals(1, events.size());
            JsonNode event = events.getFirst();
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals("hr.request.submitted", event.path("type").asText());
            assertEquals("/hrloop/request-service", event.path("source").asText());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_SUBMITTED, event.path("data")));
        }
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(1)).body("next", equalTo(null));
    }

    @Test
    void invalidBodyIsValidationProblemAndChangesNothing() {
        String person = "emp-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .body("{\"type\":\"payroll-query\",\"subject\":\"\"}")
                .when().post("/api/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("subject", "description"));
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResult() {
        String person = "emp-" + UUID.randomUUID();
        String body = """
                {"type":"leave-request","subject":"Parental leave","description":"From March"}""";
        String first = given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1").body(body)
                .when().post("/api/v1/requests").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1").body(body)
                .when().post("/api/v1/requests").then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(1));
    }
}
