package io.hrloop.improvement.api;

import static io.restassured.RestAssured.given;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.improvement.Fixtures;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.access.Target;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The callers and objects of {@link AccessMatrixTest}: one token per role of the product contract, and per
 * {@link Target} an implemented item built from feedback events (own: resting on the employee's and the manager's
 * feedback about a payroll type, the team of the HR personas; other: on another person's feedback about a benefits
 * type; confidential: on feedback about an employee-relations case), each with a comment and a lesson; processes;
 * dead letters parked by the real consumer.
 */
final class AccessFixtures {

    /** An implemented item and what hangs on it. */
    record Item(String id, String area, String commentId, String lessonId, String word) {
    }

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<Target, Item> items = new EnumMap<>(Target.class);
    private final String employee = "emp-acc-" + suffix;
    private final String manager = "mgr-acc-" + suffix;

    AccessFixtures() {
        tokens.put("anonymous", null);
        tokens.put("employee", Tokens.employee(employee));
        tokens.put("manager", Tokens.of(manager, null, "manager"));
        tokens.put("hr-agent", Tokens.of("agent-acc-" + suffix, "payroll", "hr-agent"));
        tokens.put("hr-lead", Tokens.of("lead-acc-" + suffix, "payroll", "hr-lead"));
        tokens.put("hr-admin", Tokens.of("admin-acc-" + suffix, "payroll", "hr-admin"));
        tokens.put("er-specialist", Tokens.of("er-acc-" + suffix, "employee-relations", "er-specialist"));
        tokens.put("service", Tokens.of("hris-acc-" + suffix, null, "service"));
        tokens.put("operator", Tokens.of("ops-acc-" + suffix, null, "operator"));
    }

    /** An HR agent of another team (benefits), who creates the other team's items. */
    String otherTeamAgent() {
        return Tokens.of("agent-benefits-" + suffix, "benefits", "hr-agent");
    }

    String er() {
        return tokens.get("er-specialist");
    }

    String admin() {
        return tokens.get("hr-admin");
    }

    RequestSpecification as(String role) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        String token = tokens.get(role);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    // ---- items built from events --------------------------------------------------------------------------------

    /** Sends the feedback behind the three items, then implements them and adds a comment and a lesson to each. */
    void buildItems() {
        String own = "acc-payroll-" + suffix;
        String other = "acc-benefits-" + suffix;
        String confidential = "acc-er-" + suffix;
        // the same words: one gap, one item (different complaints may open items of their own)
        Fixtures.feedback(own).person(employee).csat(1).themes("speed").comment("Nobody called me back.").send();
        Fixtures.feedback(own).person(manager).csat(2).themes("speed").comment("Nobody called me back.").send();
        Fixtures.Feedback benefits = Fixtures.feedback(other).csat(1).themes("communication")
                .comment("The benefits letter was unclear.");
        benefits.data.put("team", "benefits");
        benefits.send();
        Fixtures.Feedback er = Fixtures.feedback(confidential).confidential().csat(1).themes("respect")
                .comment("My complaint about my manager went nowhere.");
        er.data.put("team", "employee-relations");
        er.send();
        items.put(Target.OWN, implement(own, 2, tokens.get("hr-lead")));
        items.put(Target.OTHER, implement(other, 1, otherTeamAgent()));
        items.put(Target.CONFIDENTIAL, implement(confidential, 1, er()));
    }

    private Item implement(String area, int evidence, String hr) {
        Map<String, Object> item = Fixtures.await(() -> Fixtures.items(area, er()),
                l -> l.size() == 1 && ((Number) l.getFirst().get("evidenceCount")).intValue() == evidence).getFirst();
        String id = (String) item.get("id");
        status(hr, id, "{\"status\":\"ACCEPTED\"}");
        status(hr, id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Done for " + area + "\"}");
        String commentId = given().auth().oauth2(hr).contentType(ContentType.JSON)
                .body("{\"body\":\"We talked to the team about " + area + ".\"}")
                .post("/api/v1/improvements/" + id + "/comments").then().statusCode(201).extract().path("id");
        String word = "zq" + letters(8);
        String lessonId = lesson(hr, id, word);
        return new Item(id, area, commentId, lessonId, word);
    }

    /** Random lower-case letters: a word no other test writes, that full-text search keeps as it is. */
    static String letters(int n) {
        StringBuilder word = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, n).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    static String lesson(String token, String itemId, String word) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"LESSON\",\"title\":\"Triage " + word + " daily\",\"body\":\"A daily " + word
                        + " rota halved the time to a first answer.\"}")
                .post("/api/v1/improvements/" + itemId + "/lessons").then().statusCode(201).extract().path("id");
    }

    private static void status(String token, String id, String body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/improvements/" + id + "/status").then().statusCode(200);
    }

    /** A new PROPOSED item of the kind of {@code target}, for a call that changes it. */
    String freshItem(Target target) {
        String area = switch (target) {
            case OWN -> "acc-payroll-";
            case OTHER -> "acc-benefits-";
            case CONFIDENTIAL -> "acc-er-";
        } + UUID.randomUUID().toString().substring(0, 8);
        String token = switch (target) {
            case OWN -> tokens.get("hr-agent");
            case OTHER -> otherTeamAgent();
            case CONFIDENTIAL -> er();
        };
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(itemBody(area,
                target == Target.CONFIDENTIAL)).post("/api/v1/improvements").then().statusCode(201).extract().path("id");
    }

    static String itemBody(String area, boolean confidential) {
        return "{\"title\":\"Faster answers\",\"problem\":\"Customers wait.\",\"area\":\"" + area
                + "\",\"themes\":[\"speed\"],\"effort\":2" + (confidential ? ",\"confidential\":true" : "") + "}";
    }

    /** The item's current ETag, read by the er-specialist, who sees every item. */
    String etag(String itemId) {
        return given().auth().oauth2(er()).get("/api/v1/improvements/" + itemId).then().statusCode(200).extract()
                .header("ETag");
    }

    // ---- processes ----------------------------------------------------------------------------------------------

    /** A new listed (REVIEWED) process; its key. */
    String process() {
        String key = "acc-" + UUID.randomUUID().toString().substring(0, 13);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(processBody(key))
                .post("/api/v1/processes").then().statusCode(201);
        return key;
    }

    static String processBody(String key) {
        return "{\"key\":\"" + key + "\",\"name\":\"Access " + key + "\",\"aliases\":[]}";
    }

    /** A process name nobody listed (UNREVIEWED), met on a new item; its key. */
    String unreviewed() {
        String name = "Unlisted " + letters(10) + " claims";
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"title\":\"Claims\",\"problem\":\"Slow.\",\"process\":\"" + name + "\",\"themes\":[\"speed\"]}")
                .post("/api/v1/improvements").then().statusCode(201).extract().path("area");
    }

    String processEtag(String key) {
        return given().auth().oauth2(admin()).get("/api/v1/processes/" + key).then().statusCode(200).extract()
                .header("ETag");
    }

    // ---- dead letters -------------------------------------------------------------------------------------------

    /**
     * Sends feedback the handler cannot take (an area longer than the service stores) and answers its event id; the
     * real consumer parks it. {@link #correct} then sends a correct event of the same id, which is applied, so that
     * a replay of the parked one succeeds (applied once: it is skipped).
     */
    String poison(Target target) {
        String eventId = UUID.randomUUID().toString();
        Fixtures.Feedback bad = Fixtures.feedback("acc-dl-" + "x".repeat(100)).csat(1).themes("speed");
        if (target == Target.CONFIDENTIAL) {
            bad.confidential();
        }
        ObjectNode event = bad.event();
        event.put("id", eventId);
        Fixtures.send("hr.feedback", bad.id(), event);
        return eventId;
    }

    /** The same event id, with data the handler takes: it opens an item in a new area (awaited). */
    void correct(Target target, String eventId) {
        String area = "acc-dl-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Feedback good = Fixtures.feedback(area).csat(1).themes("speed");
        if (target == Target.CONFIDENTIAL) {
            good.confidential();
        }
        ObjectNode event = good.event();
        event.put("id", eventId);
        Fixtures.send("hr.feedback", good.id(), event);
        Fixtures.await(() -> Fixtures.items(area, er()), l -> l.size() == 1);
    }

    /** The dead-letter id of a parked event, once the consumer has parked it. */
    String parked(String eventId) {
        return Fixtures.await(() -> findLetter(eventId), id -> id != null);
    }

    private String findLetter(String eventId) {
        String cursor = null;
        do {
            RequestSpecification spec = as("operator").queryParam("direction", "INBOUND").queryParam("limit", 200);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
            String id = page.getString("items.find { it.eventId == '" + eventId + "' }.id");
            if (id != null) {
                return id;
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return null;
    }

    /** Discards a parked letter the test left (a poison that no replay fixes), so no other test meets it. */
    void discard(String letterId) {
        Response r = as("operator").body("{\"reason\":\"left by AccessMatrixTest\"}")
                .delete("/api/v1/dead-letters/" + letterId);
        if (r.statusCode() != 200 && r.statusCode() != 409) {
            throw new AssertionError("discarding " + letterId + ": " + r.statusCode());
        }
    }

    static boolean listed(Response response, String id) {
        if (response.statusCode() != 200) {
            return false;
        }
        List<String> ids = response.jsonPath().getList("items.id");
        return ids != null && ids.contains(id);
    }
}
