package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.testsupport.Mailbox;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Follow-up assignments mailed to the team's leads (essential), "you said, we did" mailed to signed contributors
 * who take all mail, and erasure taking the address and the mail not yet sent.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class LoopMailTest {

    /**
     * Longer than one send the mail server never answers (hrloop.mail.relay.send-timeout, 30 s) and the retry after
     * it: on a slow machine, a connection made just after the server's restart (erasureTakesTheAddress...) once hung
     * until the server closed it at 30 s (421), and a wait of 30 s ended before the retry could deliver the mail.
     */
    static final Duration WAIT = Duration.ofSeconds(75);

    @Test
    void aPoorAnswerIsMailedToTheLeadsOfTheTeamWithoutWhatTheCustomerWrote() {
        String team = "team-" + UUID.randomUUID();
        String lead = "lead-" + UUID.randomUUID();
        String agent = "agent-" + UUID.randomUUID();
        String quietLead = "lead-" + UUID.randomUUID();
        // Leads are known by their calls (address, team and role from the token); an agent is no lead.
        given().auth().oauth2(Tokens.withEmail(lead, team, lead + "@hrloop.test", null, "hr-agent", "hr-lead"))
                .when().get("/api/v1/follow-ups").then().statusCode(200);
        given().auth().oauth2(Tokens.withEmail(agent, team, agent + "@hrloop.test", null, "hr-agent"))
                .when().get("/api/v1/follow-ups").then().statusCode(200);
        // Essential: a lead who takes essential mail only is told all the same.
        essentialOnly(Tokens.withEmail(quietLead, team, quietLead + "@hrloop.test", null, "hr-lead"));

        String person = "emp-" + UUID.randomUUID();
        Request request = Request.of("payroll-query", team, person);
        RequestEvents.resolved(request, 1.0);
        Surveys.answer(Surveys.awaitInvitation(person).path("token").asText(),
                "{\"csat\":1,\"nps\":0,\"comment\":\"Nobody called me back about my pay.\"}");

        for (String who : List.of(lead, quietLead)) {
            Mailbox.Message mail = Mailbox.of(who + "@hrloop.test").await(1, WAIT).getFirst();
            assertEquals("Follow-up: a customer of " + request.reference() + " was unhappy", mail.subject());
            assertTrue(mail.text().contains("CSAT 1, NPS 0"), mail.text());
            assertFalse(mail.text().contains("called me back") || mail.html().contains("called me back"));
        }
        sleep(1_000);
        assertEquals(List.of(), Mailbox.of(agent + "@hrloop.test").messages(), "an agent is not a lead");
    }

    @Test
    void signedContributorsWhoTakeAllMailAreToldByMailOnce() {
        String signer = "emp-" + UUID.randomUUID();
        String quiet = "emp-" + UUID.randomUUID();
        String signerToken = Tokens.withEmail(signer, null, signer + "@hrloop.test", null, "employee");
        String quietToken = Tokens.withEmail(quiet, null, quiet + "@hrloop.test", null, "employee");
        essentialOnly(quietToken);
        String signed = submit(signerToken, false, "Payroll answers take too long.");
        String fromQuiet = submit(quietToken, false, "Payroll is slow.");
        String anonymous = "emp-" + UUID.randomUUID();
        String unsigned = submit(Tokens.withEmail(anonymous, null, anonymous + "@hrloop.test", null, "employee"), true,
                "Payroll is too slow.");

        UUID improvement = UUID.randomUUID();
        ObjectNode event = RequestEvents.implemented(improvement, "Answer payroll queries within a day",
                List.of(signed, fromQuiet, unsigned));
        RequestEvents.send("hr.improvements", improvement.toString(), event);
        RequestEvents.send("hr.improvements", improvement.toString(), event); // redelivered
        Db.await(() -> ((Number) Db.single("select count(*) from notification where improvement_id = ?1", improvement))
                .intValue(), n -> n == 2, "both signed contributors notified in the portal");

        Mailbox.Message mail = Mailbox.of(signer + "@hrloop.test").await(1, WAIT).getFirst();
        assertEquals("You said, we did: Answer payroll queries within a day", mail.subject());
        sleep(1_500);
        assertEquals(1, Mailbox.of(signer + "@hrloop.test").messages().size(), "once");
        assertEquals(List.of(), Mailbox.of(quiet + "@hrloop.test").messages(), "essential mail only: none");
        assertEquals(List.of(), Mailbox.of(anonymous + "@hrloop.test").messages(), "anonymous feedback names no one");
        assertEquals(0L, ((Number) Db.single("select count(*) from person_contact where person_id = ?1", anonymous))
                .longValue(), "an anonymous submission notes nothing about its caller");
    }

    @Test
    void erasureTakesTheAddressAndTheMailNotYetSent() {
        String person = "emp-" + UUID.randomUUID();
        String address = person + "@hrloop.test";
        var server = TestInfrastructure.get().mail();
        server.kill(); // the mail cannot go: it waits in the outbox
        try {
            RequestEvents.send("hr.requests", UUID.randomUUID().toString(), RequestEvents.resolvedEvent(
                    Request.of("payroll-query", "payroll", person), 1.0, address, "de"));
            Db.await(() -> ((Number) Db.single("select count(*) from mail_outbox where person_id = ?1", person))
                    .intValue(), n -> n == 1, "the invitation waiting to be mailed");
            assertEquals(address, Db.single("select email from person_contact where person_id = ?1", person));
            RequestEvents.erased(person, "erased-" + UUID.randomUUID().toString().substring(0, 12));
            Db.await(() -> ((Number) Db.single("select count(*) from mail_outbox where person_id = ?1 or recipient = ?2",
                    person, address)).intValue(), n -> n == 0, "their pending mail deleted");
            assertEquals(0L, ((Number) Db.single("select count(*) from person_contact where email = ?1 or person_id = ?2",
                    address, person)).longValue());
        } finally {
            server.start();
        }
        sleep(1_500);
        assertEquals(List.of(), Mailbox.of(address).messages());
    }

    private static String submit(String token, boolean anonymous, String comment) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"payroll-query\",\"csat\":2,\"comment\":\"" + comment
                        + "\",\"anonymous\":" + anonymous + "}")
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Replacing the preference needs the ETag of the one in place (the person's first call may have created it). */
    private static void essentialOnly(String token) {
        String etag = given().auth().oauth2(token).when().get("/api/v1/notification-preferences").then().statusCode(200)
                .extract().header("ETag");
        var put = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mail\":\"ESSENTIAL_ONLY\"}");
        (etag == null ? put : put.header("If-Match", etag)).when().put("/api/v1/notification-preferences").then()
                .statusCode(200);
    }
}
