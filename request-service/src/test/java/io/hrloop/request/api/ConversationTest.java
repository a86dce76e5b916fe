package io.hrloop.request.api;

import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.hrloop.request.support.Api;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ConversationTest {

    @Inject
    AgroalDataSource dataSource;

    String team;
    String type;
    String person;
    String agent;

    @BeforeEach
    void catalogue() {
        team = unique("team");
        type = Api.type(team, false, 60, 480);
        person = unique("emp");
        agent = unique("agent");
    }

    @Test
    void theRequesterNeverSeesAnInternalCommentInAnyEndpointOrEvent() {
        String secret = "Manager flagged this employee " + unique("secret");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            String id = Api.submit(employee(person), type, "Question");
            assign(agent(agent, team), id, agent).statusCode(200);
            comment(agent(agent, team), id, secret, "INTERNAL").statusCode(201).body("visibility", equalTo("INTERNAL"));
            comment(agent(agent, team), id, "We are on it", "PUBLIC").statusCode(201);

            as(employee(person)).get("/api/v1/requests/" + id + "/comments").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].body", equalTo("We are on it"));
            as(agent(agent, team)).get("/api/v1/requests/" + id + "/comments").then().statusCode(200)
                    .body("items", hasSize(2)).body("items[0].body", equalTo(secret));
            as(employee(person)).get("/api/v1/requests/" + id + "/history").then().statusCode(200)
                    .body("items.note", not(hasItem("INTERNAL")))
                    .body("items.findAll { it.field == 'comment' }", hasSize(1));
            as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                    .body("items.findAll { it.field == 'comment' }", hasSize(2));
            as(employee(person)).get("/api/v1/requests/" + id).then().body(not(org.hamcrest.Matchers.containsString(secret)));

            comment(employee(person), id, "Sneaky", "INTERNAL").statusCode(403);
            List<String> published = probe.drain(Duration.ofSeconds(3), e -> id.equals(e.path("subject").asText()))
                    .stream().map(Object::toString).toList();
            assertFalse(published.isEmpty());
            published.forEach(event -> assertFalse(event.contains(secret), event));
        }
    }

    @Test
    void theFirstPublicAnswerOfHrIsTheFirstResponse() {
        String id = Api.submit(employee(person), type, "Question");
        assign(agent(agent, team), id, agent).statusCode(200);
        comment(employee(person), id, "Any news?", "PUBLIC").statusCode(201);
        comment(agent(agent, team), id, "Checking with payroll", "INTERNAL").statusCode(201);
        read(agent(agent, team), id).body("serviceLevel.firstResponse.completedAt", nullValue());
        comment(agent(agent, team), id, "Hello, we are checking your payslip", "PUBLIC").statusCode(201);
        read(agent(agent, team), id).body("serviceLevel.firstResponse.completedAt", notNullValue())
                .body("serviceLevel.firstResponse.outcome", equalTo("ATTAINED"))
                .body("serviceLevel.resolution.completedAt", nullValue());
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.field", hasItem("firstResponse"))
                .body("items.find { it.field == 'serviceLevel.firstResponse' }.after", equalTo("ATTAINED"));
    }

    @Test
    void historyRecordsEveryChangeAndIsPagedOldestFirst() {
        String id = Api.submit(employee(person), type, "Question");
        assign(agent(agent, team), id, agent).statusCode(200);
        Api.status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        var first = as(agent(agent, team)).queryParam("limit", 2).get("/api/v1/requests/" + id + "/history").then()
                .statusCode(200).body("items", hasSize(2)).body("items[0].field", equalTo("request"))
                .body("items[0].actor", equalTo(person)).body("items[0].at", notNullValue())
                .body("next", notNullValue()).extract();
        as(agent(agent, team)).queryParam("cursor", first.path("next").toString())
                .get("/api/v1/requests/" + id + "/history").then().statusCode(200)
                .body("items.field", hasItem("owner"))
                .body("items.find { it.field == 'status' && it.after == 'IN_PROGRESS' }.before", equalTo("ASSIGNED"))
                .body("items.actor", everyItem(notNullValue()));
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabase() throws SQLException {
        String id = Api.submit(employee(person), type, "Question");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "update request_audit set actor = 'someone-else' where request_id = '" + id + "'"));
            assertEquals(true, update.getMessage().contains("append-only"));
            assertThrows(SQLException.class,
                    () -> statement.executeUpdate("delete from request_audit where request_id = '" + id + "'"));
        }
        as(employee(person)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.actor", everyItem(equalTo(person)));
    }

    @Test
    void commentsArePagedAndIdempotent() {
        String id = Api.submit(employee(person), type, "Question");
        for (int i = 0; i < 3; i++) {
            comment(employee(person), id, "note " + i, "PUBLIC").statusCode(201);
        }
        as(employee(person)).header("Idempotency-Key", "c-1").body(java.util.Map.of("body", "once", "visibility", "PUBLIC"))
                .post("/api/v1/requests/" + id + "/comments").then().statusCode(201);
        as(employee(person)).header("Idempotency-Key", "c-1").body(java.util.Map.of("body", "once", "visibility", "PUBLIC"))
                .post("/api/v1/requests/" + id + "/comments").then().statusCode(201);
        String next = as(employee(person)).queryParam("limit", 2).get("/api/v1/requests/" + id + "/comments").then()
                .body("items.body", equalTo(List.of("note 0", "note 1"))).extract().path("next");
        as(employee(person)).queryParam("limit", 5).queryParam("cursor", next).get("/api/v1/requests/" + id + "/comments")
                .then().body("items.body", equalTo(List.of("note 2", "once"))).body("next", nullValue());
        comment(employee(person), id, "", "PUBLIC").statusCode(400);
        comment(employee(unique("emp")), id, "Not mine", "PUBLIC").statusCode(404);
    }
}
