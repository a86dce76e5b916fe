package io.hrloop.request.api;

import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.lead;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.service.AutoCloser;
import io.hrloop.request.service.SlaScanner;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Mailbox;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The mail request-service sends, read from the real mail server over IMAP: decline decisions to the requester,
 * at-risk alerts to the owner (or the team's leads), nothing but "there is news" about a confidential case; and
 * the requester's address, kept only while a mail may be due, travelling with hr.request.resolved.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class MailTest {

    static final Map<String, String> DECLINE = Map.of("reason", "UNSUSTAINABLE", "subReason", "OTHER_CUSTOMERS_NEEDS",
            "explanation", "Two weeks of analyst time for one benchmark", "policyReference", "HR-POL-12",
            "alternative", "The March compensation review");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;
    @Inject
    SlaScanner scanner;
    @Inject
    AutoCloser closer;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String address(String person) {
        return person + "@hrloop.test";
    }

    static String withAddress(String person, String team, String... roles) {
        return Tokens.withEmail(person, team, address(person), null, roles);
    }

    @Test
    void theRequesterIsToldOfTheDeclineAndOfTheAppealDecisionAndTheAddressGoesWithTheDecline() {
        String team = unique("team");
        String person = unique("emp");
        String owner = unique("lead");
        String requester = withAddress(person, null, "employee");
        String id = Api.submit(requester, Api.type(team, false, 60, 480), "Salary benchmark for me");
        assertEquals(address(person), column("requester_email", id));
        assign(lead(owner, team), id, owner).statusCode(200);
        status(lead(owner, team), id, "IN_PROGRESS", null).statusCode(200);
        as(lead(owner, team)).body(DECLINE).post("/api/v1/requests/" + id + "/decline").then().statusCode(201);
        as(lead(unique("lead"), team)).body(Map.of()).post("/api/v1/requests/" + id + "/decline/confirm").then()
                .statusCode(200);

        Mailbox mailbox = Mailbox.of(address(person));
        Mailbox.Message declined = mailbox.await(1, WAIT).getFirst();
        String reference = Api.read(requester, id).extract().path("reference");
        assertEquals("Your request " + reference + " was declined", declined.subject());
        for (String part : List.of("UNSUSTAINABLE", "HR-POL-12", DECLINE.get("explanation"), DECLINE.get("alternative"),
                "appeal once")) {
            assertTrue(declined.text().contains(part), part + " in " + declined.text());
            assertTrue(declined.html().contains(part), part + " in " + declined.html());
        }
        assertTrue(declined.html().contains("<html lang=\"en\">"), declined.html());

        as(requester).body(Map.of("statement", "My renewal is in January")).post("/api/v1/requests/" + id
                + "/decline/appeal").then().statusCode(201);
        as(lead(unique("lead"), team)).body(Map.of("outcome", "UPHELD", "note", "The policy applies"))
                .post("/api/v1/requests/" + id + "/decline/appeal/decision").then().statusCode(200);
        List<Mailbox.Message> both = mailbox.await(2, WAIT);
        assertEquals(List.of("Your request " + reference + " was declined",
                "Your appeal about " + reference + " was decided"), both.stream().map(Mailbox.Message::subject).toList());
        assertTrue(both.get(1).text().contains("The decline stands"), both.get(1).text());
        assertNull(column("requester_email", id), "final: the address is let go");
    }

    @Test
    void aMailAboutAConfidentialCaseSaysOnlyThatThereIsNews() {
        String type = Api.type(unique("er"), true, 60, 480);
        String person = unique("emp");
        String specialist = unique("er");
        String erLead = Tokens.of(unique("er-lead"), "employee-relations", "er-specialist", "hr-lead");
        String marker = "MARKM" + unique("x");
        String id = Api.submit(withAddress(person, null, "employee"), type, marker + " concern about my manager");
        assign(Api.erSpecialist(specialist), id, specialist).statusCode(200);
        status(Api.erSpecialist(specialist), id, "IN_PROGRESS", null).statusCode(200);
        as(Api.erSpecialist(specialist)).body(Map.of("reason", "ILLEGAL", "explanation", marker + " explanation",
                "policyReference", "ER-POL-3", "alternative", marker + " alternative"))
                .post("/api/v1/requests/" + id + "/decline").then().statusCode(201);
        as(erLead).body(Map.of()).post("/api/v1/requests/" + id + "/decline/confirm").then().statusCode(200);

        Mailbox.Message news = Mailbox.of(address(person)).await(1, WAIT).getFirst();
        assertEquals("News about your case", news.subject());
        String reference = Api.read(Api.erSpecialist(specialist), id).extract().path("reference");
        for (String secret : List.of(marker, reference, type, "ER-POL-3", "ILLEGAL")) {
            assertFalse(news.text().contains(secret) || news.html().contains(secret), secret + " in a confidential mail");
        }
        assertTrue(news.text().contains("HR portal"), news.text());
    }

    @Test
    void anAtRiskTargetAlertsItsOwnerOrWhileNobodyOwnsItTheTeamsLeads() {
        String team = unique("team");
        String type = Api.type(team, false, 60, 240);
        String owner = unique("agent");
        String teamLead = unique("lead");
        // Both are seen with their addresses (the staff register learns them from the token).
        as(withAddress(teamLead, team, "hr-agent", "hr-lead")).get("/api/v1/requests").then().statusCode(200);
        clock.set(LocalDateTime.parse("2026-12-07T09:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());
        String owned = Api.submit(Api.employee(unique("emp")), type, "Owned question");
        String unowned = Api.submit(Api.employee(unique("emp")), type, "Unowned question");
        assign(withAddress(owner, team, "hr-agent"), owned, owner).statusCode(200);
        clock.set(LocalDateTime.parse("2026-12-07T12:15").atZone(ZoneId.of("Europe/Berlin")).toInstant());
        scanner.scan();

        String ownedReference = Api.read(lead(teamLead, team), owned).extract().path("reference");
        String unownedReference = Api.read(lead(teamLead, team), unowned).extract().path("reference");
        Mailbox.Message toOwner = Mailbox.of(address(owner)).await(1, WAIT).getFirst();
        assertEquals("At risk: the resolution of " + ownedReference + " is due 2026-12-07 12:00 UTC", toOwner.subject());
        assertTrue(toOwner.text().contains("that you own"), toOwner.text());
        List<Mailbox.Message> toLead = Mailbox.of(address(teamLead)).await(1, WAIT);
        assertEquals(List.of("At risk: the resolution of " + unownedReference + " is due 2026-12-07 12:00 UTC"),
                toLead.stream().map(Mailbox.Message::subject).toList(), "the lead hears of the unowned one only");
        assertTrue(toLead.getFirst().text().contains("has no owner yet"), toLead.getFirst().text());
        scanner.scan();
        sleep(1_500);
        assertEquals(1, Mailbox.of(address(owner)).messages().size(), "announced once");
    }

    @Test
    void anIntegrationNamesTheRequestersAddressWhichTravelsWithTheResolutionAndIsLetGoOnClosing() {
        String team = unique("team");
        String type = Api.type(team, false, 60, 480);
        String person = unique("emp");
        String integration = Api.service(unique("svc"));
        as(Api.employee(person)).body(Map.of("type", type, "subject", "s", "description", "d", "requesterEmail",
                "someone@hrloop.test")).post("/api/v1/requests").then().statusCode(403);
        as(integration).body(Map.of("type", type, "subject", "s", "description", "d", "requester", person,
                "requesterEmail", "not an address")).post("/api/v1/requests").then().statusCode(400);
        String id = as(integration).body(Map.of("type", type, "subject", "Pension enrolment", "description", "d",
                "requester", person, "requesterEmail", address(person))).post("/api/v1/requests").then().statusCode(201)
                .extract().path("id");
        assertEquals(address(person), column("requester_email", id));
        String agent = unique("agent");
        assign(Api.agent(agent, team), id, agent).statusCode(200);
        status(Api.agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            status(Api.agent(agent, team), id, "RESOLVED", "Enrolled").statusCode(200);
            JsonNode resolved = probe.await(1, WAIT, e -> id.equals(e.path("subject").asText())
                    && "hr.request.resolved".equals(e.path("type").asText())).getFirst().path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_RESOLVED, resolved));
            assertEquals(address(person), resolved.path("requesterEmail").asText());
        }
        clock.set(java.time.Instant.now().plus(Duration.ofDays(15)));
        closer.closeDue();
        Api.read(Api.agent(agent, team), id).body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
        assertNull(column("requester_email", id), "closed: the address is let go");
    }

    String column(String column, String id) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(
                "select " + column + " from hr_request where id = ?::uuid")) {
            statement.setString(1, id);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
