package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.deadletter.DeadLetterStore;
import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.access.AccessTable;
import io.hrloop.testsupport.access.Target;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * The people and objects {@link AccessMatrixTest} calls the operations on, built through the service's own ways in:
 * request events from the broker, survey answers and feedback over the API, hr.improvement.implemented for
 * notifications. One person per role; HR roles work the team {@link #ownTeam}. Own objects are the caller's (for
 * an HR role: of {@link #ownTeam}), other objects belong to other people of {@link #otherTeam}, confidential ones to
 * another person's employee-relations case of {@link #erTeam}.
 */
final class AccessFixtures {

    static final List<String> PEOPLE = List.of("employee", "manager", "hr-agent", "hr-lead", "hr-admin", "er-specialist");

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String ownTeam = "acc-own-" + suffix;
    final String otherTeam = "acc-other-" + suffix;
    final String erTeam = "acc-er-" + suffix;
    final String ownType = "acc-own-type-" + suffix;
    final String otherType = "acc-other-type-" + suffix;
    final String erType = "acc-er-type-" + suffix;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    /** Feedback by target: for an employee or a manager OWN is {@link #signed}. */
    final Map<Target, String> feedback = new EnumMap<>(Target.class);
    /** Each person's own signed feedback. */
    final Map<String, String> signed = new LinkedHashMap<>();
    final Map<Target, String> followUps = new EnumMap<>(Target.class);
    /** Each person's own notification, and another person's (OTHER: of another team's request; CONFIDENTIAL). */
    final Map<String, String> notifications = new LinkedHashMap<>();
    final Map<Target, String> othersNotifications = new EnumMap<>(Target.class);
    /** Each person's own pending invitation (token), and another person's. */
    final Map<String, String> invitations = new LinkedHashMap<>();
    String othersInvitation;
    UUID othersInvitationRequest;
    /** A confidential case with a requester, resolved: it is never surveyed. */
    UUID confidentialCase;

    AccessFixtures() {
        for (String role : AccessTable.ROLES) {
            if (!role.equals("anonymous")) {
                boolean hr = role.startsWith("hr-") || role.equals("er-specialist");
                tokens.put(role, Tokens.of(person(role), hr ? ownTeam : null, role));
            }
        }
    }

    String person(String role) {
        return "acc-" + role + "-" + suffix;
    }

    /** The role's bearer token; null for {@code anonymous}. */
    String token(String role) {
        return tokens.get(role);
    }

    static boolean isPerson(String role) {
        return PEOPLE.contains(role);
    }

    String team(Target target) {
        return switch (target) {
            case OWN -> ownTeam;
            case OTHER -> otherTeam;
            case CONFIDENTIAL -> erTeam;
        };
    }

    String type(Target target) {
        return switch (target) {
            case OWN -> ownType;
            case OTHER -> otherType;
            case CONFIDENTIAL -> erType;
        };
    }

    /** The feedback a role's cell is about: an employee's or a manager's own is what they signed. */
    String feedbackFor(String role, Target target) {
        if (target == Target.OWN && (role.equals("employee") || role.equals("manager"))) {
            return signed.get(role);
        }
        return feedback.get(target);
    }

    AccessFixtures build() {
        // The request types as this service learns them: from resolved requests (the ER one confidential).
        resolve(Request.of(ownType, ownTeam, "acc-req-" + UUID.randomUUID()), 0.0, false);
        resolve(Request.of(otherType, otherTeam, "acc-req-" + UUID.randomUUID()), 0.0, false);
        Request er = Request.of(erType, erTeam, "acc-er-requester-" + suffix);
        resolve(er, 1.0, true);
        confidentialCase = er.id();
        Db.awaitSnapshot(er.id(), s -> s.confidential);

        // Poor survey answers about a request of each team: feedback HR reads, and follow-ups for the team's lead.
        Request own = Request.of(ownType, ownTeam, "acc-respondent-own-" + suffix);
        Request other = Request.of(otherType, otherTeam, "acc-respondent-other-" + suffix);
        Request others = Request.of(otherType, otherTeam, "acc-invited-other-" + suffix);
        resolve(own, 1.0, false);
        resolve(other, 1.0, false);
        resolve(others, 1.0, false);
        for (String role : PEOPLE) {
            resolve(Request.of(ownType, ownTeam, person(role)), 1.0, false);
        }
        feedback.put(Target.OWN, answer(awaitToken(own.requester()), 1, "Three weeks and my overtime is still missing."));
        feedback.put(Target.OTHER, answer(awaitToken(other.requester()), 1, "Nobody told me what was happening."));
        feedback.put(Target.CONFIDENTIAL, give(tokenOf(er.requester()), erType, "My manager keeps shouting at me."));
        othersInvitation = awaitToken(others.requester());
        othersInvitationRequest = others.id();
        for (String role : PEOPLE) {
            invitations.put(role, awaitToken(person(role)));
            signed.put(role, give(token(role), ownType, "The forms for " + ownType + " are far too long."));
        }
        followUps.put(Target.OWN, awaitFollowUp(feedback.get(Target.OWN)));
        followUps.put(Target.OTHER, awaitFollowUp(feedback.get(Target.OTHER)));
        followUps.put(Target.CONFIDENTIAL, confidentialFollowUp(feedback.get(Target.CONFIDENTIAL)));
        notify(er.requester(), other.requester());
        return this;
    }

    private static String tokenOf(String person) {
        return Tokens.employee(person);
    }

    private static void resolve(Request request, double samplingRate, boolean confidential) {
        ObjectNode event = RequestEvents.resolvedEvent(request, samplingRate, null, null);
        ((ObjectNode) event.get("data")).put("confidential", confidential);
        RequestEvents.send("hr.requests", request.id().toString(), event);
    }

    /** A fresh person's fresh pending invitation about a request of {@code target}'s type; returns its token. */
    String freshInvitation(Target target) {
        Request request = Request.of(type(target), team(target), "acc-fresh-" + UUID.randomUUID());
        resolve(request, 1.0, false);
        return awaitToken(request.requester());
    }

    static String awaitToken(String person) {
        return (String) Db.await(() -> Db.single("select token from survey_invitation where person_id = ?1 "
                + "and status = 'PENDING'", person), t -> t != null, "an invitation for " + person);
    }

    private static String answer(String token, int csat, String comment) {
        return given().contentType(ContentType.JSON).body("{\"csat\":" + csat + ",\"comment\":\"" + comment + "\"}")
                .when().post("/api/v1/surveys/" + token + "/response").then().statusCode(201).extract().path("feedbackId");
    }

    private static String give(String token, String type, String comment) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"" + type + "\",\"csat\":2,\"comment\":\""
                        + comment + "\",\"anonymous\":false}")
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    private static String awaitFollowUp(String feedbackId) {
        return Db.await(() -> Db.single("select id from follow_up where feedback_id = ?1", UUID.fromString(feedbackId)),
                id -> id != null, "the follow-up of " + feedbackId).toString();
    }

    /**
     * A follow-up about feedback on a confidential case, as the service keeps one (follow_up.confidential): survey
     * answers never are confidential today (confidential cases are not surveyed), so the row is written here.
     */
    private String confidentialFollowUp(String feedbackId) {
        UUID id = UUID.randomUUID();
        Db.update("insert into follow_up (id, feedback_id, team, request_type, person_id, csat, status, created_at, "
                + "confidential) values (?1, ?2, ?3, ?4, ?5, 1, 'OPEN', now(), true)", id, UUID.fromString(feedbackId),
                erTeam, erType, "acc-er-requester-" + suffix);
        return id.toString();
    }

    /** An improvement implemented from everyone's signed feedback: a notification per author. */
    private void notify(String erRequester, String otherRespondent) {
        UUID improvement = UUID.randomUUID();
        List<String> linked = new ArrayList<>(signed.values());
        linked.addAll(feedback.values());
        RequestEvents.send("hr.improvements", improvement.toString(),
                RequestEvents.implemented(improvement, "Shorter forms for " + ownType, linked));
        Db.await(() -> ((Number) Db.single("select count(*) from notification where improvement_id = ?1", improvement))
                .intValue(), n -> n == PEOPLE.size() + 3, "every signed author notified");
        for (String role : PEOPLE) {
            notifications.put(role, notificationOf(person(role), improvement));
        }
        othersNotifications.put(Target.OTHER, notificationOf(otherRespondent, improvement));
        othersNotifications.put(Target.CONFIDENTIAL, notificationOf(erRequester, improvement));
    }

    private static String notificationOf(String person, UUID improvement) {
        return Db.single("select id from notification where person_id = ?1 and improvement_id = ?2", person, improvement)
                .toString();
    }

    /** A parked inbound dead letter whose replay applies cleanly (a resolved request nobody is surveyed for). */
    static String parkedDeadLetter() {
        Request request = Request.of("acc-dl-type", "acc-dl-team", "acc-dl-" + UUID.randomUUID());
        ObjectNode event = RequestEvents.resolvedEvent(request, 0.0, null, null);
        String eventId = event.path("id").asText();
        long offset = ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(DeadLetterStore.class).get().park(
                "hr.requests", 0, offset, request.id().toString(), eventId, "hr.request.resolved",
                "processing failed: parked by the access matrix test", event.toString().getBytes(StandardCharsets.UTF_8)));
        return Db.single("select id from dead_letter where event_id = ?1", eventId).toString();
    }
}
