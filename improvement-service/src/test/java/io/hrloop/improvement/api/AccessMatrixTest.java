package io.hrloop.improvement.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.hrloop.improvement.api.AccessFixtures.Item;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.access.AccessMatrix;
import io.hrloop.testsupport.access.AccessTable;
import io.hrloop.testsupport.access.Outcome;
import io.hrloop.testsupport.access.Target;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of api/improvement-service.yaml, as every role of the product contract (and without a token),
 * on the caller's own item, another's and a confidential one, checked against the README table "Access:
 * improvement-service" (issue 10). Calls that change an item, a process or a dead letter get a fresh one where the
 * table lets the role change it, so that the next cell sees what it would have seen.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AccessMatrixTest {

    private final AccessMatrix matrix = AccessMatrix.of("improvement-service");
    private final AccessFixtures f = new AccessFixtures();

    @Test
    void everyRoleGetsWhatTheReadmeTableSaysOnEveryOperation() {
        // The consumer parks these while the items are built.
        Map<Target, String> poisonEvents = new EnumMap<>(Target.class);
        Map<Target, String> replayEvents = new EnumMap<>(Target.class);
        Map<Target, String> discardEvents = new EnumMap<>(Target.class);
        for (Target t : Target.values()) {
            poisonEvents.put(t, f.poison(t));
            replayEvents.put(t, f.poison(t));
            discardEvents.put(t, f.poison(t));
        }
        f.buildItems();

        itemReads();
        itemWrites();
        comments();
        knowledge();
        processes();
        deadLetters(poisonEvents, replayEvents, discardEvents);

        matrix.verify();
    }

    private void itemReads() {
        listed("listImprovements", (role, t) -> f.as(role).queryParam("area", item(t).area())
                .queryParam("limit", 100).get("/api/v1/improvements"), t -> item(t).id());
        each("getImprovement", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()));
        each("getImprovementEvidence", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()
                + "/evidence"));
        each("getImprovementVerification", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()
                + "/verification"));
        each("getImprovementHistory", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()
                + "/history"));
        listed("listImprovementLessons", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()
                + "/lessons"), t -> item(t).lessonId());
    }

    private void itemWrites() {
        // own: an area of the caller's team; other: of another team; confidential: an employee-relations item
        each("createImprovement", (role, t) -> f.as(role).body(AccessFixtures.itemBody(switch (t) {
            case OWN -> "acc-new-payroll-";
            case OTHER -> "acc-new-benefits-";
            case CONFIDENTIAL -> "acc-new-er-";
        } + f.suffix, t == Target.CONFIDENTIAL)).post("/api/v1/improvements"));
        each("patchImprovement", (role, t) -> f.as(role).header("If-Match", f.etag(item(t).id()))
                .body("{\"effort\":3}").patch("/api/v1/improvements/" + item(t).id()));
        each("assignImprovement", (role, t) -> f.as(role).header("If-Match", f.etag(item(t).id()))
                .body("{\"owner\":\"lead-acc-" + f.suffix + "\"}")
                .post("/api/v1/improvements/" + item(t).id() + "/assignment"));
        Map<Target, String> unchanged = new EnumMap<>(Target.class);
        for (Target t : Target.values()) {
            unchanged.put(t, f.freshItem(t));
        }
        each("changeImprovementStatus", (role, t) -> {
            String id = allowed("changeImprovementStatus", role, t) ? f.freshItem(t) : unchanged.get(t);
            return f.as(role).header("If-Match", f.etag(id)).body("{\"status\":\"ACCEPTED\"}")
                    .post("/api/v1/improvements/" + id + "/status");
        });
    }

    private void comments() {
        listed("listImprovementComments", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()
                + "/comments"), t -> item(t).commentId());
        each("getImprovementComment", (role, t) -> f.as(role).get("/api/v1/improvements/" + item(t).id()
                + "/comments/" + item(t).commentId()));
        each("addImprovementComment", (role, t) -> f.as(role).body("{\"body\":\"Checked with the team.\"}")
                .post("/api/v1/improvements/" + item(t).id() + "/comments"));
    }

    private void knowledge() {
        listed("searchKnowledge", (role, t) -> f.as(role).queryParam("area", item(t).area()).queryParam("limit", 100)
                .get("/api/v1/knowledge"), t -> item(t).lessonId());
        listed("suggestKnowledge", (role, t) -> f.as(role).queryParam("q", item(t).word())
                .queryParam("type", item(t).area()).queryParam("limit", 20).get("/api/v1/knowledge/suggestions"),
                t -> item(t).lessonId());
        each("getKnowledgeEntry", (role, t) -> f.as(role).get("/api/v1/knowledge/" + item(t).lessonId()));
        each("addImprovementLesson", (role, t) -> f.as(role).body("{\"kind\":\"BEST_PRACTICE\",\"title\":\"Call "
                + "back\",\"body\":\"Call back within a day.\"}").post("/api/v1/improvements/" + item(t).id()
                        + "/lessons"));
    }

    /** The process list is HR's shared catalogue: the three objects are alike (one outcome per role). */
    private void processes() {
        String listedKey = f.process();
        String unchanged = f.process();
        String unreviewed = f.unreviewed();
        for (String role : AccessTable.ROLES) {
            for (Target t : Target.values()) {
                pagedListed("listProcesses", role, t, "/api/v1/processes", "key", listedKey);
            }
        }
        each("getProcess", (role, t) -> f.as(role).get("/api/v1/processes/" + listedKey));
        each("createProcess", (role, t) -> f.as(role)
                .body(AccessFixtures.processBody("acc-" + UUID.randomUUID().toString().substring(0, 13)))
                .post("/api/v1/processes"));
        each("replaceProcess", (role, t) -> f.as(role).header("If-Match", f.processEtag(listedKey))
                .body("{\"name\":\"Access " + AccessFixtures.letters(12)
                        + "\",\"aliases\":[]}")
                .put("/api/v1/processes/" + listedKey));
        each("deleteProcess", (role, t) -> {
            String key = allowed("deleteProcess", role, t) ? f.process() : unchanged;
            return f.as(role).header("If-Match", f.processEtag(key)).delete("/api/v1/processes/" + key);
        });
        each("mapProcessName", (role, t) -> {
            String key = allowed("mapProcessName", role, t) ? f.unreviewed() : unreviewed;
            return f.as(role).header("If-Match", f.processEtag(key)).body("{\"into\":\"" + listedKey + "\"}")
                    .post("/api/v1/processes/" + key + "/mapping");
        });
    }

    /**
     * Dead letters: the operator's, whatever they are about; parked by the real consumer. A replay that the
     * operator makes succeeds on a letter whose event was applied since (sent again, corrected).
     */
    private void deadLetters(Map<Target, String> poison, Map<Target, String> replay, Map<Target, String> discard) {
        Map<Target, String> shared = new EnumMap<>(Target.class);
        Map<Target, String> replayable = new EnumMap<>(Target.class);
        Map<Target, String> discardable = new EnumMap<>(Target.class);
        for (Target t : Target.values()) {
            shared.put(t, f.parked(poison.get(t)));
            replayable.put(t, f.parked(replay.get(t)));
            f.correct(t, replay.get(t));
            discardable.put(t, f.parked(discard.get(t)));
        }
        for (String role : AccessTable.ROLES) {
            for (Target t : Target.values()) {
                pagedListed("listDeadLetters", role, t, "/api/v1/dead-letters", "id", shared.get(t));
            }
        }
        each("getDeadLetter", (role, t) -> f.as(role).get("/api/v1/dead-letters/" + shared.get(t)));
        each("replayDeadLetter", (role, t) -> f.as(role).post("/api/v1/dead-letters/"
                + (allowed("replayDeadLetter", role, t) ? replayable : shared).get(t) + "/replay"));
        each("discardDeadLetter", (role, t) -> f.as(role).body("{\"reason\":\"a test event; nothing to recover\"}")
                .delete("/api/v1/dead-letters/" + (allowed("discardDeadLetter", role, t) ? discardable : shared)
                        .get(t)));
        each("replayAllDeadLetters", (role, t) -> f.as(role).post("/api/v1/dead-letters/replay"));
        shared.values().forEach(f::discard);
    }

    // ---- observing ----------------------------------------------------------------------------------------------

    private Item item(Target t) {
        return f.items.get(t);
    }

    private boolean allowed(String op, String role, Target t) {
        return matrix.expected(op, role, t) == Outcome.ALLOWED;
    }

    private void each(String op, BiFunction<String, Target, Response> call) {
        for (String role : AccessTable.ROLES) {
            for (Target t : Target.values()) {
                Response r = call.apply(role, t);
                matrix.observe(op, role, t, r.statusCode(), detail(r));
            }
        }
    }

    private void listed(String op, BiFunction<String, Target, Response> call, Function<Target, String> id) {
        for (String role : AccessTable.ROLES) {
            for (Target t : Target.values()) {
                Response r = call.apply(role, t);
                matrix.observeListed(op, role, t, r.statusCode(), AccessFixtures.listed(r, id.apply(t)));
            }
        }
    }

    /** A list keyed by {@code field}, followed page by page until {@code id} shows up. */
    private void pagedListed(String op, String role, Target t, String path, String field, String id) {
        String cursor = null;
        int status;
        boolean listed = false;
        do {
            RequestSpecification spec = f.as(role).queryParam("limit", 200);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            Response r = spec.get(path);
            status = r.statusCode();
            if (status != 200) {
                break;
            }
            JsonPath page = r.jsonPath();
            listed = page.getList("items." + field).contains(id);
            cursor = page.getString("next");
        } while (!listed && cursor != null);
        matrix.observeListed(op, role, t, status, listed);
    }

    private static String detail(Response r) {
        if (r.statusCode() < 400) {
            return null;
        }
        String body = r.asString();
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
