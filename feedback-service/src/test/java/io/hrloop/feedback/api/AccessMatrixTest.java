package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import io.hrloop.feedback.domain.SurveyTokens;
import io.hrloop.feedback.support.Db;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.access.AccessMatrix;
import io.hrloop.testsupport.access.AccessTable;
import io.hrloop.testsupport.access.Target;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of api/feedback-service.yaml, as every role of the product contract (and without a token), on the
 * caller's own, another person's and a confidential object, over real signed tokens: each answer must be what the
 * README table "Access: feedback-service" says (test-support {@link AccessMatrix}).
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AccessMatrixTest {

    private static final String JSON_FEEDBACK = "{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"%s\",\"csat\":4,"
            + "\"comment\":\"Clear answer.\",\"anonymous\":false}";

    private final AccessMatrix matrix = AccessMatrix.of("feedback-service");
    private AccessFixtures fx;

    @Test
    void everyRoleGetsWhatTheReadmeTableSaysOfEveryOperationOnEveryObject() {
        fx = new AccessFixtures().build();
        feedback();
        followUps();
        insightsAndPreferences();
        notifications();
        surveys();
        deadLetters();
        matrix.verify();
    }

    private void feedback() {
        each("submitFeedback", (role, t) -> as(role).contentType(ContentType.JSON)
                .body(JSON_FEEDBACK.formatted(fx.type(t))).post("/api/v1/feedback"));
        eachListed("listFeedback", (role, t) -> as(role).get("/api/v1/feedback?limit=100&requestType=" + fx.type(t)),
                "items.id", fx::feedbackFor);
        each("getFeedback", (role, t) -> as(role).get("/api/v1/feedback/" + fx.feedbackFor(role, t)));
    }

    private void followUps() {
        eachListed("listFollowUps", (role, t) -> as(role).get("/api/v1/follow-ups?limit=100&team=" + fx.team(t)),
                "items.id", (role, t) -> fx.followUps.get(t));
        each("getFollowUp", (role, t) -> as(role).get("/api/v1/follow-ups/" + fx.followUps.get(t)));
        // Only the lead of the own team may claim (and then close) the own follow-up; every other cell changes nothing.
        each("claimFollowUp", (role, t) -> as(role).header("If-Match", version(fx.followUps.get(t)))
                .post("/api/v1/follow-ups/" + fx.followUps.get(t) + "/claim"));
        each("closeFollowUp", (role, t) -> as(role).header("If-Match", version(fx.followUps.get(t)))
                .contentType(ContentType.JSON).body("{\"outcome\":\"RECOVERED\",\"note\":\"Called back; paid this month.\"}")
                .post("/api/v1/follow-ups/" + fx.followUps.get(t) + "/close"));
    }

    private static String version(String followUp) {
        return "\"" + Db.single("select version from follow_up where id = ?1", UUID.fromString(followUp)) + "\"";
    }

    /** Operations without an object: the same call for each object column. */
    private void insightsAndPreferences() {
        each("getInsights", (role, t) -> as(role).get("/api/v1/insights?groupBy=team"));
        each("getNotificationPreferences", (role, t) -> as(role).get("/api/v1/notification-preferences"));
        each("replaceNotificationPreferences", (role, t) -> {
            String etag = as(role).get("/api/v1/notification-preferences").header("ETag");
            RequestSpecification put = as(role).contentType(ContentType.JSON).body("{\"mail\":\"ALL\"}");
            return (etag == null ? put : put.header("If-Match", etag)).put("/api/v1/notification-preferences");
        });
        each("listYouSaidWeDid", (role, t) -> as(role).get("/api/v1/you-said-we-did?limit=5"));
    }

    private void notifications() {
        eachListed("listNotifications", (role, t) -> as(role).get("/api/v1/notifications?limit=100"), "items.id",
                this::notification);
        each("markNotificationRead", (role, t) -> as(role).post("/api/v1/notifications/" + notification(role, t) + "/read"));
    }

    /** The caller's own notification (for a role that is no person: the employee's), or another person's. */
    private String notification(String role, Target t) {
        return t == Target.OWN ? fx.notifications.get(AccessFixtures.isPerson(role) ? role : "employee")
                : fx.othersNotifications.get(t);
    }

    /**
     * Own: the caller's pending invitation (for a role that is no person: a fresh person's); other: another person's;
     * confidential: none exists, a confidential case is never surveyed, so its token cells use a token never issued.
     */
    private void surveys() {
        assertNull(Db.single("select token from survey_invitation where request_id = ?1", fx.confidentialCase),
                "no invitation for a confidential case");
        String unissued = SurveyTokens.next();
        Map<Target, UUID> requests = new EnumMap<>(Target.class);
        requests.put(Target.OTHER, fx.othersInvitationRequest);
        requests.put(Target.CONFIDENTIAL, fx.confidentialCase);
        eachListed("listPendingSurveys", (role, t) -> as(role).get("/api/v1/surveys?limit=100"), "items.requestId",
                (role, t) -> t == Target.OWN ? requestOf(fx.invitations.get(role)) : requests.get(t).toString());
        each("getSurvey", (role, t) -> as(role).get("/api/v1/surveys/" + switch (t) {
            case OWN -> fx.invitations.getOrDefault(role, fx.invitations.get("employee"));
            case OTHER -> fx.othersInvitation;
            case CONFIDENTIAL -> unissued;
        }));
        // Answering uses the invitation up: a fresh one for every cell but the caller's own.
        Map<String, String> fresh = new HashMap<>();
        for (String role : AccessTable.ROLES) {
            fresh.put(role + "/OTHER", fx.freshInvitation(Target.OTHER));
            if (!AccessFixtures.isPerson(role)) {
                fresh.put(role + "/OWN", fx.freshInvitation(Target.OWN));
            }
        }
        each("answerSurvey", (role, t) -> as(role).contentType(ContentType.JSON).body("{\"csat\":5,\"nps\":9}")
                .post("/api/v1/surveys/" + switch (t) {
                    case OWN -> AccessFixtures.isPerson(role) ? fx.invitations.get(role) : fresh.get(role + "/OWN");
                    case OTHER -> fresh.get(role + "/OTHER");
                    case CONFIDENTIAL -> unissued;
                } + "/response"));
    }

    private static String requestOf(String token) {
        return token == null ? "none" : Db.single("select request_id from survey_invitation where token = ?1", token).toString();
    }

    /** The operator's work: a parked letter for reading, a fresh one for every replay or discard the operator makes. */
    private void deadLetters() {
        String parked = AccessFixtures.parkedDeadLetter();
        BiFunction<String, Target, String> letter = (role, t) -> role.equals("operator")
                ? AccessFixtures.parkedDeadLetter() : parked;
        eachListed("listDeadLetters", (role, t) -> as(role).get("/api/v1/dead-letters?limit=200"), "items.id",
                (role, t) -> parked);
        each("getDeadLetter", (role, t) -> as(role).get("/api/v1/dead-letters/" + parked));
        each("replayDeadLetter", (role, t) -> as(role).post("/api/v1/dead-letters/" + letter.apply(role, t) + "/replay"));
        each("discardDeadLetter", (role, t) -> as(role).contentType(ContentType.JSON)
                .body("{\"reason\":\"A test event, nothing to apply.\"}").delete("/api/v1/dead-letters/" + letter.apply(role, t)));
        each("replayAllDeadLetters", (role, t) -> as(role).post("/api/v1/dead-letters/replay"));
    }

    private RequestSpecification as(String role) {
        String token = fx.token(role);
        return token == null ? given() : given().auth().oauth2(token);
    }

    private void each(String operation, BiFunction<String, Target, Response> call) {
        for (String role : AccessTable.ROLES) {
            for (Target t : Target.values()) {
                Response response = call.apply(role, t);
                matrix.observe(operation, role, t, response.statusCode(), problem(response));
            }
        }
    }

    private void eachListed(String operation, BiFunction<String, Target, Response> call, String path,
            BiFunction<String, Target, String> object) {
        for (String role : AccessTable.ROLES) {
            for (Target t : Target.values()) {
                Response response = call.apply(role, t);
                boolean ok = response.statusCode() / 100 == 2;
                List<Object> ids = ok ? response.jsonPath().getList(path) : List.of();
                String id = object.apply(role, t);
                matrix.observeListed(operation, role, t, response.statusCode(),
                        ids.stream().anyMatch(i -> String.valueOf(i).equals(id)));
            }
        }
    }

    private static String problem(Response response) {
        String body = response.statusCode() / 100 == 2 ? "" : response.asString();
        return body.isEmpty() ? null : "(" + (body.length() > 200 ? body.substring(0, 200) : body) + ")";
    }
}
