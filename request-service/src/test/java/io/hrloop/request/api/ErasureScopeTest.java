package io.hrloop.request.api;

import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.lead;
import static io.hrloop.request.support.Api.manager;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.DatabaseSearch;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Erasure reaches every table: afterwards no row of any table holds the person's id, the marker text they
 * wrote or their mail address (which carries the marker), counts stay, and a second erasure changes nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ErasureScopeTest {

    @Inject
    AgroalDataSource dataSource;

    DatabaseSearch database;
    String team;
    String type;
    String adminToken;

    @BeforeEach
    void catalogue() {
        database = new DatabaseSearch(dataSource);
        team = unique("team");
        type = Api.type(team, false, 60, 480);
        adminToken = Tokens.of(unique("admin"), null, "hr-admin");
    }

    static Map<String, String> body(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    String idempotent(String token, String path, Map<String, ?> body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path).then()
                .statusCode(201).extract().path("id");
    }

    long count(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Erases and checks that nothing of the person is left; returns the pseudonym. */
    String eraseCompletely(String person, String marker) {
        String pseudonym = as(adminToken).delete("/api/v1/people/" + person).then().statusCode(200)
                .extract().path("pseudonym");
        database.awaitOutboxDrained(Duration.ofSeconds(30));
        Map<String, Long> ids = database.occurrences(person);
        Map<String, Long> markers = database.occurrences(marker);
        Log.infof("[hrloop-test] erasure searched %d text columns of every table: %d rows with the person id, %d with "
                + "their marker text", database.columnCount(), ids.values().stream().mapToLong(Long::longValue).sum(),
                markers.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(Map.of(), ids, "rows still holding the person id");
        assertEquals(Map.of(), markers, "rows still holding text the person wrote");

        Map<String, String> before = database.snapshot(Set.of("outbox_event"));
        as(adminToken).delete("/api/v1/people/" + person).then().statusCode(200).body("requests", equalTo(0))
                .body("comments", equalTo(0)).body("historyEntries", equalTo(0));
        database.awaitOutboxDrained(Duration.ofSeconds(30));
        assertEquals(before, database.snapshot(Set.of("outbox_event")), "a second erasure changes nothing");
        return pseudonym;
    }

    @Test
    void aCustomersWordsAndTheRequestsAboutThemAreGoneWhileCountsStay() {
        String person = unique("emp");
        String marker = "MARK" + UUID.randomUUID().toString().substring(0, 8);
        String agentId = unique("agent");
        String leadId = unique("lead");
        // Their token carries an address with the marker in it: erasure removes the address too.
        String customer = Tokens.withEmail(person, null, marker + ".customer@hrloop.test", "de", "employee");
        String view = idempotent(customer, "/api/v1/self-service/views",
                Map.of("type", type, "suggestionIds", List.of("lesson-bank-details")));
        String id = idempotent(customer, "/api/v1/requests", body("type", type, "subject", marker + " subject",
                "description", marker + " my bank account is DE00 1234", "suggestionViewId", view));
        String aboutThem = idempotent(manager(unique("mgr")), "/api/v1/requests", body("type", type, "subject",
                "Long-term sickness", "description", "Needs a return-to-work plan", "onBehalfOf", person));
        assign(agent(agentId, team), id, agentId).statusCode(200);
        status(agent(agentId, team), id, "IN_PROGRESS", null).statusCode(200);
        status(agent(agentId, team), id, "WAITING_ON_CUSTOMER", "Which month?").statusCode(200);
        as(employee(person)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("body", marker + " October, overtime of 12 hours", "visibility", "PUBLIC"))
                .post("/api/v1/requests/" + id + "/comments").then().statusCode(201);
        status(agent(agentId, team), id, "RESOLVED", "Corrected").statusCode(200);
        status(employee(person), id, "IN_PROGRESS", marker + " still wrong").statusCode(200);
        as(agent(agentId, team)).body(Map.of("reason", "UNSAFE", "explanation", "Cannot change a closed payroll run",
                "policyReference", "PAY-7")).post("/api/v1/requests/" + id + "/decline").then().statusCode(201);
        as(lead(leadId, team)).body(Map.of()).post("/api/v1/requests/" + id + "/decline/confirm").then().statusCode(200);
        as(customer).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("statement", marker + " I was promised the correction"))
                .post("/api/v1/requests/" + id + "/decline/appeal").then().statusCode(201);
        long requests = count("select count(*) from hr_request where type_key = '" + type + "'");
        long comments = count("select count(*) from request_comment where request_id = '" + id + "'");
        long history = count("select count(*) from request_audit where request_id = '" + id + "'");

        String pseudonym = eraseCompletely(person, marker);

        read(agent(agentId, team), id).body("requester", equalTo(pseudonym)).body("subject", equalTo("[erased]"))
                .body("description", equalTo("[erased]"));
        read(agent(agentId, team), aboutThem).body("onBehalfOf", equalTo(pseudonym))
                .body("subject", equalTo("[erased]")).body("description", equalTo("[erased]"));
        as(agent(agentId, team)).get("/api/v1/requests/" + id + "/decline").then()
                .body("appeal.statement", equalTo("[erased]")).body("explanation",
                        equalTo("Cannot change a closed payroll run"));
        assertEquals(requests, count("select count(*) from hr_request where type_key = '" + type + "'"));
        assertEquals(comments, count("select count(*) from request_comment where request_id = '" + id + "'"));
        assertEquals(history + 1, count("select count(*) from request_audit where request_id = '" + id + "'"),
                "the history keeps its entries and records the erasure");
        assertEquals(1, count("select count(*) from suggestion_view where id = '" + view + "' and viewer is null"
                + " and request_id = '" + id + "'"), "the view still counts, as nobody's");
    }

    @Test
    void anAgentsWordsAndRegisterEntryAreGone() {
        String person = unique("emp");
        String agentId = unique("agent");
        String marker = "MARKA" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.submit(employee(person), type, "Parental leave dates");
        // The register learns the agent's address from their token; erasure removes it.
        String agentToken = Tokens.withEmail(agentId, team, marker + ".agent@hrloop.test", null, "hr-agent");
        assign(agentToken, id, agentId).statusCode(200);
        status(agentToken, id, "IN_PROGRESS", null).statusCode(200);
        comment(agentToken, id, marker + " internal: check the works agreement", "INTERNAL").statusCode(201);
        as(agentToken).header("If-Match", read(agentToken, id).extract().header("ETag"))
                .body(Map.of("priority", "HIGH", "reason", marker + " the leave starts Monday"))
                .patch("/api/v1/requests/" + id).then().statusCode(200);
        as(agentToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("body", marker + " we are on it", "visibility", "PUBLIC"))
                .post("/api/v1/requests/" + id + "/comments").then().statusCode(201);
        as(agentToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "ILLEGAL", "explanation", marker + " the dates break the statutory minimum",
                        "policyReference", "LEAVE-2", "alternative", marker + " two shorter blocks"))
                .post("/api/v1/requests/" + id + "/decline").then().statusCode(201);
        String leadId = unique("lead");
        as(lead(leadId, team)).body(Map.of("note", "Agreed")).post("/api/v1/requests/" + id + "/decline/confirm").then()
                .statusCode(200);

        String pseudonym = eraseCompletely(agentId, marker);

        as(lead(leadId, team)).get("/api/v1/requests/" + id + "/decline").then()
                .body("proposedBy", equalTo(pseudonym)).body("explanation", equalTo("[erased]"))
                .body("alternative", equalTo("[erased]")).body("policyReference", equalTo("LEAVE-2"))
                .body("decisionNote", equalTo("Agreed"));
        as(adminToken).get("/api/v1/staff/" + pseudonym).then().statusCode(200).body("active", equalTo(false))
                .body("team", equalTo(team));
        as(lead(leadId, team)).get("/api/v1/requests/" + id + "/comments").then()
                .body("items.body", equalTo(List.of("[erased]", "[erased]")));
    }
}
