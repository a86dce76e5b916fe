package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Mailbox;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The survey invitation by mail, read from the real mail server over IMAP, and the answer page its link opens:
 * one mail per invitation however often the event is delivered, hr.feedback.survey-invited for other gateways,
 * the person's language, and an accessible form that stores the answer as the JSON API does.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SurveyMailTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern LINK = Pattern.compile("/answer/([A-Za-z0-9_-]{43})");

    @Test
    void theInvitationIsMailedOnceAnnouncedToGatewaysAndItsLinkOpensAPageThatStoresTheAnswer() {
        String person = "emp-mail-" + UUID.randomUUID();
        String address = person + "@hrloop.test";
        Request request = Request.of("payroll-query", "payroll", person);
        ObjectNode resolved = RequestEvents.resolvedEvent(request, 1.0, address, null);
        JsonNode invited;
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            RequestEvents.send("hr.requests", request.id().toString(), resolved);
            RequestEvents.send("hr.requests", request.id().toString(), resolved); // redelivered: the same CloudEvent
            invited = probe.await(1, WAIT, EventProbe.ofType("hr.feedback.survey-invited")
                    .and(e -> person.equals(e.path("data").path("personId").asText()))).getFirst().path("data");
        }
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_SURVEY_INVITED, invited));
        assertEquals(request.reference(), invited.path("reference").asText());
        assertTrue(invited.path("mailed").asBoolean());
        assertFalse(invited.path("confidential").asBoolean());
        assertFalse(invited.toString().contains(request.subject()), "no free text of the request travels");

        Mailbox mailbox = Mailbox.of(address);
        Mailbox.Message mail = mailbox.await(1, WAIT).getFirst();
        assertEquals("How did we do with " + request.reference() + "?", mail.subject());
        assertFalse(mail.text().contains(request.subject()) || mail.html().contains(request.subject()));
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        String token = link.group(1);
        assertEquals(invited.path("token").asText(), token);
        assertEquals(invited.path("answerUrl").asText(), "http://localhost:8082/answer/" + token);
        assertTrue(mail.html().contains("href=\"http://localhost:8082/answer/" + token + "\""), mail.html());
        Db.await(() -> ((Number) Db.single("select count(*) from inbox_event where event_id = ?1",
                resolved.path("id").asText())).intValue(), n -> n == 1, "the event applied");
        sleep(1_500);
        assertEquals(1, mailbox.messages().size(), "a redelivered event sends no second mail");

        // The page: a form that works without JavaScript and on a phone.
        String page = given().when().get("/answer/" + token).then().statusCode(200)
                .contentType(containsString("text/html")).header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").extract().asString();
        for (String part : List.of("<html lang=\"en\">", "name=\"viewport\"", "<form method=\"post\"", "<fieldset",
                "<legend>How satisfied", "<label for=\"csat-5\">", "id=\"nps-0\"", "<label for=\"comment\">",
                request.reference())) {
            assertTrue(page.contains(part), part);
        }
        assertFalse(page.contains("<script"), "no JavaScript");

        // A form without the required score comes back with the message next to the field, and stores nothing.
        String again = given().contentType(ContentType.URLENC).formParam("nps", "9").formParam("comment", "Quick")
                .when().post("/answer/" + token).then().statusCode(400).extract().asString();
        assertTrue(again.contains("id=\"csat-error\"") && again.contains("Please choose how satisfied"), again);
        assertTrue(again.contains("id=\"nps-9\" value=\"9\" checked"), "what was chosen stays chosen");
        assertTrue(again.contains(">Quick</textarea>"));
        given().contentType(ContentType.URLENC).formParam("csat", "9").when().post("/answer/" + token).then()
                .statusCode(400).body(containsString("Choose a number from 1 to 5."));

        given().contentType(ContentType.URLENC).formParam("csat", "4").formParam("ces", "2").formParam("nps", "9")
                .formParam("comment", "Quick and clear, thank you <b>HR</b>.").when().post("/answer/" + token).then()
                .statusCode(200).body(containsString("Thank you for your answer"));
        // Stored as through the JSON API: the person's feedback, the invitation answered once.
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/feedback").then().statusCode(200)
                .body("items[0].csat", equalTo(4)).body("items[0].nps", equalTo(9))
                .body("items[0].comment", equalTo("Quick and clear, thank you <b>HR</b>."));
        given().when().get("/api/v1/surveys/" + token).then().statusCode(409);
        given().when().get("/answer/" + token).then().statusCode(409).body(containsString("already answered"));
        given().contentType(ContentType.URLENC).formParam("csat", "1").when().post("/answer/" + token).then()
                .statusCode(409);
        given().when().get("/answer/" + "x".repeat(43)).then().statusCode(404)
                .body(containsString("This link is no longer valid")).body(not(containsString("Exception")));
    }

    @Test
    void theInvitationIsWrittenInThePersonsLanguage() {
        String person = "emp-de-" + UUID.randomUUID();
        String address = person + "@hrloop.test";
        Request request = Request.of("payroll-query", "payroll", person);
        RequestEvents.send("hr.requests", request.id().toString(), RequestEvents.resolvedEvent(request, 1.0, address, "de-CH"));
        Mailbox.Message mail = Mailbox.of(address).await(1, WAIT).getFirst();
        assertEquals("Wie zufrieden waren Sie mit " + request.reference() + "?", mail.subject());
        assertEquals("de", mail.contentLanguage());
        assertTrue(mail.html().contains("<html lang=\"de\">"), mail.html());
        assertTrue(mail.text().contains("Hier antworten: http://localhost:8082/answer/"), mail.text());
    }

    @Test
    void aPersonWhoTakesEssentialMailOnlyGetsNoInvitationByMailButStillInThePortal() {
        String person = "emp-quiet-" + UUID.randomUUID();
        String address = person + "@hrloop.test";
        String token = Tokens.withEmail(person, null, address, null, "employee");
        String etag = given().auth().oauth2(token).when().get("/api/v1/notification-preferences").then().statusCode(200)
                .body("mail", equalTo("ALL")).body("address", equalTo(address)).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mail\":\"ESSENTIAL_ONLY\"}")
                .when().put("/api/v1/notification-preferences").then().statusCode(428)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body("{\"mail\":\"ESSENTIAL_ONLY\"}")
                .when().put("/api/v1/notification-preferences").then().statusCode(200)
                .body("mail", equalTo("ESSENTIAL_ONLY")).header("ETag", "\"1\"");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"mail\":\"ALL\"}")
                .when().put("/api/v1/notification-preferences").then().statusCode(412);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mail\":\"SOMETIMES\"}")
                .when().put("/api/v1/notification-preferences").then().statusCode(400);
        given().auth().oauth2(Tokens.of("svc-" + UUID.randomUUID(), null, "service")).when()
                .get("/api/v1/notification-preferences").then().statusCode(403);

        Request request = Request.of("payroll-query", "payroll", person);
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            RequestEvents.send("hr.requests", request.id().toString(), RequestEvents.resolvedEvent(request, 1.0, address, null));
            JsonNode invited = probe.await(1, WAIT, EventProbe.ofType("hr.feedback.survey-invited")
                    .and(e -> person.equals(e.path("data").path("personId").asText()))).getFirst().path("data");
            assertFalse(invited.path("mailed").asBoolean(), "announced to gateways, not mailed");
        }
        given().auth().oauth2(token).when().get("/api/v1/surveys").then().statusCode(200)
                .body("items[0].reference", equalTo(request.reference()));
        sleep(2_000);
        assertEquals(List.of(), Mailbox.of(address).messages());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
