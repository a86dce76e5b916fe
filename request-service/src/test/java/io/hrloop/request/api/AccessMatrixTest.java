package io.hrloop.request.api;

import static io.hrloop.request.api.AccessFixtures.as;
import static io.hrloop.request.api.AccessFixtures.path;
import static io.hrloop.request.api.AccessFixtures.requesterSide;
import static io.hrloop.request.support.Api.unique;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.common.deadletter.DeadLetterStore;
import io.hrloop.request.api.AccessFixtures.Req;
import io.hrloop.request.api.AccessFixtures.State;
import io.hrloop.request.support.Api;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.access.AccessMatrix;
import io.hrloop.testsupport.access.AccessTable;
import io.hrloop.testsupport.access.Outcome;
import io.hrloop.testsupport.access.Target;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of api/request-service.yaml, as every role of the product contract (and without a token), on the
 * caller's own request, another person's (another team's, for HR) and another person's employee-relations case,
 * checked against the README table "Access: request-service" over real signed tokens. Calls that change what later
 * calls see get a fresh object where the table allows them; everything else shares objects made once.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AccessMatrixTest {

    /** What one call got: its status, and for a list whether the object was in it (null: not a list). */
    record Seen(int status, Boolean listed, String detail) {
    }

    /** One operation called as {@code role} on {@code target}; {@code allowed}: the table lets it through. */
    interface Call {
        Seen call(String role, Target target, boolean allowed);
    }

    @Inject
    DeadLetterStore deadLetters;

    private final AccessMatrix matrix = AccessMatrix.of("request-service");
    private final Map<String, Set<String>> listings = new HashMap<>();
    private final Map<String, Seen> refusedListings = new HashMap<>();
    private AccessFixtures f;
    private String sharedLetter;

    @Test
    void everyRoleGetsWhatTheReadmeSaysFromEveryOperationOnEveryObject() {
        f = new AccessFixtures();
        sharedLetter = parkDeadLetter();
        calls().forEach((op, call) -> {
            for (String role : AccessTable.ROLES) {
                for (Target target : Target.values()) {
                    report(op, role, target, call.call(role, target, allowed(op, role, target)));
                }
            }
        });
        // Operations without an object (creates, reports, replace of one catalogue entry): one call per role.
        objectless().forEach((op, call) -> {
            for (String role : AccessTable.ROLES) {
                Seen seen = call.call(role, Target.OWN, allowed(op, role, Target.OWN));
                for (Target target : Target.values()) {
                    report(op, role, target, seen);
                }
            }
        });
        matrix.verify();
    }

    private boolean allowed(String op, String role, Target target) {
        return matrix.expected(op, role, target) == Outcome.ALLOWED;
    }

    private void report(String op, String role, Target target, Seen seen) {
        if (seen.listed() != null) {
            matrix.observeListed(op, role, target, seen.status(), seen.listed());
        } else {
            matrix.observe(op, role, target, seen.status(), seen.detail());
        }
    }

    private Map<String, Call> calls() {
        Map<String, Call> c = new LinkedHashMap<>();
        // The catalogue: the object is team A's type (and calendar), team B's, and the confidential type.
        c.put("listRequestTypes", (role, t, a) -> listed(role, "/api/v1/request-types", "key", type(t)));
        c.put("getRequestType", (role, t, a) -> seen(as(token(role)).get("/api/v1/request-types/" + type(t))));
        c.put("listCalendars", (role, t, a) -> listed(role, "/api/v1/calendars", "key", calendar(t)));
        c.put("getCalendar", (role, t, a) -> seen(as(token(role)).get("/api/v1/calendars/" + calendar(t))));
        c.put("listCalendarRevisions",
                (role, t, a) -> seen(as(token(role)).get("/api/v1/calendars/" + calendar(t) + "/revisions")));

        // Requests.
        c.put("listRequests", (role, t, a) -> {
            Req r = f.request(role, t, State.ASSIGNED, false);
            Response list = as(token(role)).queryParam("q", r.reference()).queryParam("limit", 100)
                    .get("/api/v1/requests");
            return listed(list, "id", r.id());
        });
        c.put("getRequest", (role, t, a) -> seen(as(token(role)).get(path(shared(role, t), ""))));
        c.put("getRequestHistory", (role, t, a) -> seen(as(token(role)).get(path(shared(role, t), "/history"))));
        c.put("listRequestComments", (role, t, a) -> seen(as(token(role)).get(path(shared(role, t), "/comments"))));
        c.put("addRequestComment", (role, t, a) -> seen(as(token(role))
                .body(Map.of("body", "When is it paid?", "visibility", requesterSide(role) ? "PUBLIC" : "INTERNAL"))
                .post(path(shared(role, t), "/comments"))));
        c.put("recomputeRequestServiceLevel",
                (role, t, a) -> seen(as(token(role)).get(path(shared(role, t), "/service-level"))));
        c.put("retriageRequest", (role, t, a) -> {
            Req r = shared(role, t);
            Response now = f.readAsHr(r);
            String priority = "HIGH".equals(now.path("priority")) ? "NORMAL" : "HIGH";
            return seen(as(token(role)).header("If-Match", now.header("ETag"))
                    .body(Map.of("priority", priority, "reason", "Payroll closes on Friday")).patch(path(r, "")));
        });
        c.put("assignRequest", (role, t, a) -> {
            Req r = f.request(role, t, State.ASSIGNED, a);
            return seen(as(token(role)).body(Map.of("owner", r.handoverTo(), "reason", "Holiday cover"))
                    .post(path(r, "/assignment")));
        });
        c.put("changeRequestStatus", (role, t, a) -> {
            Req r = f.request(role, t, State.ASSIGNED, a);
            String to = requesterSide(role) ? "WITHDRAWN" : "IN_PROGRESS";
            return seen(as(token(role)).body(Map.of("status", to)).post(path(r, "/status")));
        });

        // Decline and appeal: each call finds the request in the state the operation works on.
        c.put("proposeDecline", (role, t, a) -> seen(as(token(role))
                .body(Map.of("reason", "UNSAFE", "explanation", "It would put a colleague at risk",
                        "policyReference", "HR-POL-7"))
                .post(path(f.request(role, t, State.ASSIGNED, a), "/decline"))));
        c.put("getDecline", (role, t, a) -> seen(as(token(role))
                .get(path(f.request(role, t, State.DECLINED, false), "/decline"))));
        c.put("confirmDecline", (role, t, a) -> seen(as(token(role)).body(Map.of("note", "Agreed"))
                .post(path(f.request(role, t, State.PROPOSED, a), "/decline/confirm"))));
        c.put("rejectDecline", (role, t, a) -> seen(as(token(role)).body(Map.of("note", "We can help after all"))
                .post(path(f.request(role, t, State.PROPOSED, a), "/decline/reject"))));
        c.put("appealDecline", (role, t, a) -> seen(as(token(role)).body(Map.of("statement", "Please look again"))
                .post(path(f.request(role, t, State.DECLINED, a), "/decline/appeal"))));
        c.put("decideDeclineAppeal", (role, t, a) -> seen(as(token(role))
                .body(Map.of("outcome", "UPHELD", "note", "The policy applies"))
                .post(path(f.request(role, t, State.APPEALED, a), "/decline/appeal/decision"))));

        // Self-service: the caller's own suggestion view, another person's, another person's for the ER type.
        c.put("getSuggestionView",
                (role, t, a) -> seen(as(token(role)).get("/api/v1/self-service/views/" + f.view(role, t))));

        // The staff register: an agent of team A, of team B, an er-specialist.
        c.put("listStaff", (role, t, a) -> listed(as(token(role)).queryParam("team", f.staffTeam(t))
                .queryParam("limit", 200).get("/api/v1/staff"), "personId", f.staffMember(t)));
        c.put("getStaffMember", (role, t, a) -> seen(as(token(role)).get("/api/v1/staff/" + f.staffMember(t))));
        c.put("putStaffMember", (role, t, a) -> {
            String member = f.staffMember(t);
            return seen(as(token(role)).header("If-Match", Api.etag("/api/v1/staff/" + member))
                    .body(f.staffBody(t)).put("/api/v1/staff/" + member));
        });
        // Erasure: a fresh person who raised a request of the object's kind (a made-up id where it must be refused).
        c.put("erasePerson", (role, t, a) -> seen(as(token(role))
                .delete("/api/v1/people/" + (a ? f.erasable(t) : unique("nobody")))));

        // Dead letters (parked before the run); replay and discard take a fresh one where they are allowed.
        c.put("listDeadLetters", (role, t, a) -> listed(role, "/api/v1/dead-letters", "id", sharedLetter));
        c.put("getDeadLetter", (role, t, a) -> seen(as(token(role)).get("/api/v1/dead-letters/" + sharedLetter)));
        c.put("replayDeadLetter", (role, t, a) -> seen(as(token(role))
                .post("/api/v1/dead-letters/" + (a ? parkDeadLetter() : sharedLetter) + "/replay")));
        c.put("discardDeadLetter", (role, t, a) -> seen(as(token(role)).body(Map.of("reason", "a test event"))
                .delete("/api/v1/dead-letters/" + (a ? parkDeadLetter() : sharedLetter))));
        return c;
    }

    private Map<String, Call> objectless() {
        Map<String, Call> c = new LinkedHashMap<>();
        c.put("createRequestType", (role, t, a) -> seen(as(token(role))
                .body(AccessFixtures.typeBody(unique("type"), f.teamA, f.calendarA)).post("/api/v1/request-types")));
        c.put("replaceRequestType", (role, t, a) -> seen(as(token(role))
                .header("If-Match", Api.etag("/api/v1/request-types/" + f.replaceableType))
                .body(AccessFixtures.typeBody(f.replaceableType, f.teamA, f.calendarA))
                .put("/api/v1/request-types/" + f.replaceableType)));
        c.put("createCalendar", (role, t, a) -> seen(as(token(role))
                .body(AccessFixtures.calendarBody(unique("cal"))).post("/api/v1/calendars")));
        c.put("replaceCalendar", (role, t, a) -> seen(as(token(role))
                .header("If-Match", Api.etag("/api/v1/calendars/" + f.replaceableCalendar))
                .body(AccessFixtures.calendarBody(f.replaceableCalendar))
                .put("/api/v1/calendars/" + f.replaceableCalendar)));
        c.put("submitRequest", (role, t, a) -> {
            Map<String, Object> body = new HashMap<>(Map.of("type", f.typeA, "subject", "Bonus missing",
                    "description", "My March payslip has no bonus line"));
            if (role.equals("service")) {
                body.put("requester", unique("emp"));
            }
            return seen(as(token(role)).body(body).post("/api/v1/requests"));
        });
        c.put("recordSuggestionView", (role, t, a) -> seen(as(token(role))
                .body(Map.of("type", f.typeA, "suggestionIds", List.of("lesson-1")))
                .post("/api/v1/self-service/views")));
        c.put("getServiceLevelReport", (role, t, a) -> seen(as(token(role)).get("/api/v1/service-levels")));
        c.put("getDeflectionReport", (role, t, a) -> seen(as(token(role)).get("/api/v1/self-service/deflection")));
        // Last: it replays every parked dead letter, the shared one too.
        c.put("replayAllDeadLetters", (role, t, a) -> seen(as(token(role)).post("/api/v1/dead-letters/replay")));
        return c;
    }

    // ---- objects ----

    private String token(String role) {
        return f.token(role);
    }

    private Req shared(String role, Target target) {
        return f.request(role, target, State.ASSIGNED, false);
    }

    private String type(Target t) {
        return switch (t) {
            case OWN -> f.typeA;
            case OTHER -> f.typeB;
            case CONFIDENTIAL -> f.typeC;
        };
    }

    private String calendar(Target t) {
        return switch (t) {
            case OWN -> f.calendarA;
            case OTHER -> f.calendarB;
            case CONFIDENTIAL -> f.calendarC;
        };
    }

    /** Parks an inbound hr.person.erased event (this service applies none, so a replay succeeds); its dead-letter id. */
    private String parkDeadLetter() {
        String eventId = UUID.randomUUID().toString();
        String person = unique("dl");
        String payload = """
                {"specversion":"1.0","id":"%s","source":"/hrloop/request-service","type":"hr.person.erased",
                 "subject":"%s","time":"2026-11-21T09:00:00Z","datacontenttype":"application/json",
                 "dataschema":"urn:hrloop:schema:hr.person.erased","data":{"personId":"%s",
                 "pseudonym":"erased-7f3a9c","erasedAt":"2026-11-22T10:00:00Z","erasedBy":"admin-1"}}"""
                .formatted(eventId, person, person);
        deadLetters.park("hr.people", 0, ThreadLocalRandom.current().nextLong(1L << 40), person, eventId,
                "hr.person.erased", "access matrix fixture", payload.getBytes(StandardCharsets.UTF_8));
        String cursor = null;
        do {
            RequestSpecification list = as(token("operator")).queryParam("direction", "INBOUND").queryParam("limit", 200);
            Response page = (cursor == null ? list : list.queryParam("cursor", cursor)).get("/api/v1/dead-letters");
            page.then().statusCode(200);
            String id = page.jsonPath().getString("items.find { it.eventId == '" + eventId + "' }.id");
            if (id != null) {
                return id;
            }
            cursor = page.path("next");
        } while (cursor != null);
        throw new IllegalStateException("the parked dead letter " + eventId + " is not listed");
    }

    // ---- what a call got ----

    private static Seen seen(Response r) {
        int status = r.statusCode();
        String body = status >= 300 ? r.asString() : null;
        return new Seen(status, null, body == null ? null : body.substring(0, Math.min(300, body.length())));
    }

    private static Seen listed(Response r, String field, String wanted) {
        if (r.statusCode() != 200) {
            return new Seen(r.statusCode(), false, null);
        }
        List<Object> values = r.jsonPath().getList("items." + field);
        return new Seen(200, values.contains(wanted), null);
    }

    /** Whether {@code wanted} is anywhere in the list at {@code path} as {@code role} sees it (all pages, read once). */
    private Seen listed(String role, String path, String field, String wanted) {
        String key = role + " " + path;
        if (!listings.containsKey(key) && !refusedListings.containsKey(key)) {
            Set<String> all = new HashSet<>();
            String cursor = null;
            do {
                RequestSpecification list = as(token(role)).queryParam("limit", 100);
                Response page = (cursor == null ? list : list.queryParam("cursor", cursor)).get(path);
                if (page.statusCode() != 200) {
                    refusedListings.put(key, new Seen(page.statusCode(), false, null));
                    break;
                }
                page.jsonPath().getList("items." + field).forEach(v -> all.add(String.valueOf(v)));
                cursor = page.path("next");
            } while (cursor != null);
            if (!refusedListings.containsKey(key)) {
                listings.put(key, all);
            }
        }
        Seen refused = refusedListings.get(key);
        return refused != null ? refused : new Seen(200, listings.get(key).contains(wanted), null);
    }
}
