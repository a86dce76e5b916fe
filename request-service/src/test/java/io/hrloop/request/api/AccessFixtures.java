package io.hrloop.request.api;

import static io.hrloop.request.support.Api.unique;
import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.hrloop.request.support.Api;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.access.Target;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The people, catalogue and requests {@link AccessMatrixTest} calls with, made once per run through the API.
 * <p>
 * Every column of the access table is a persona whose token carries that role (as the local stack's demo personas:
 * the manager is also an employee, the hr-lead also an hr-agent). The hr-agent and hr-lead work team A; the
 * confidential request type belongs to team A too, so that a 404 there shows that confidentiality beats team
 * membership. The objects, per role: {@link Target#OWN} is a request the employee (manager, integration) raised, or for
 * HR a request of team A owned by the hr-agent; for the er-specialist an employee-relations case they own.
 * {@link Target#OTHER} is a request another employee raised in team B. {@link Target#CONFIDENTIAL} is another
 * employee's employee-relations case, owned by a second er-specialist.
 */
final class AccessFixtures {

    /** A request of one shape, with the people who move it along. */
    record Req(String id, String reference, String requesterToken, String ownerToken, String leadToken,
            String readerToken, String handoverTo) {
    }

    /** The states a shared object of a shape is kept in. */
    enum State {
        ASSIGNED, PROPOSED, DECLINED, APPEALED
    }

    final String teamA = unique("acc-a");
    final String teamB = unique("acc-b");
    final String erTeam = unique("acc-er");
    final String emp = unique("emp");
    final String emp2 = unique("emp");
    final String mgr = unique("mgr");
    final String agent = unique("agent");
    final String agentColleague = unique("agent");
    final String lead = unique("lead");
    final String lead2 = unique("lead");
    final String agentB = unique("agent");
    final String leadB = unique("lead");
    final String admin = unique("admin");
    final String er = unique("er");
    final String er2 = unique("er");
    final String er3 = unique("er");
    final String erLead = unique("er-lead");
    final String svc = unique("svc");
    final String ops = unique("ops");

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> persons = new HashMap<>();
    final String emp2Token;
    final String agentBToken;
    final String lead2Token;
    final String leadBToken;
    final String er2Token;
    final String erLeadToken;

    final String calendarA;
    final String calendarB;
    final String calendarC;
    final String typeA;
    final String typeB;
    final String typeC;
    final String replaceableCalendar;
    final String replaceableType;

    private final Map<String, Req> shared = new HashMap<>();
    private final Map<String, String> views = new HashMap<>();

    AccessFixtures() {
        persona("employee", emp, Tokens.of(emp, null, "employee"));
        persona("manager", mgr, Tokens.of(mgr, null, "manager", "employee"));
        persona("hr-agent", agent, Tokens.of(agent, teamA, "hr-agent"));
        persona("hr-lead", lead, Tokens.of(lead, teamA, "hr-lead", "hr-agent"));
        persona("hr-admin", admin, Tokens.of(admin, null, "hr-admin"));
        persona("er-specialist", er, Tokens.of(er, erTeam, "er-specialist"));
        persona("service", svc, Tokens.of(svc, null, "service"));
        persona("operator", ops, Tokens.of(ops, null, "operator"));
        emp2Token = Tokens.of(emp2, null, "employee");
        agentBToken = Tokens.of(agentB, teamB, "hr-agent");
        lead2Token = Tokens.of(lead2, teamA, "hr-lead", "hr-agent");
        leadBToken = Tokens.of(leadB, teamB, "hr-lead", "hr-agent");
        er2Token = Tokens.of(er2, erTeam, "er-specialist");
        erLeadToken = Tokens.of(erLead, erTeam, "hr-lead", "er-specialist");

        Api.staff(agent, teamA, "hr-agent");
        Api.staff(agentColleague, teamA, "hr-agent");
        Api.staff(lead, teamA, "hr-lead", "hr-agent");
        Api.staff(lead2, teamA, "hr-lead", "hr-agent");
        Api.staff(agentB, teamB, "hr-agent");
        Api.staff(leadB, teamB, "hr-lead", "hr-agent");
        Api.staff(er, erTeam, "er-specialist");
        Api.staff(er2, erTeam, "er-specialist");
        Api.staff(er3, erTeam, "er-specialist");
        Api.staff(erLead, erTeam, "hr-lead", "er-specialist");

        calendarA = Api.calendar("[]");
        calendarB = Api.calendar("[]");
        calendarC = Api.calendar("[]");
        replaceableCalendar = Api.calendar("[]");
        typeA = Api.type(teamA, false, 60, 480, calendarA, 0.0);
        typeB = Api.type(teamB, false, 60, 480, calendarB, 0.0);
        typeC = Api.type(teamA, true, 60, 480, calendarC, 0.0);
        replaceableType = unique("type");
        admin().body(typeBody(replaceableType, teamA, calendarA)).post("/api/v1/request-types").then().statusCode(201);
    }

    private void persona(String role, String person, String token) {
        tokens.put(role, token);
        persons.put(role, person);
    }

    /** The role's persona token; null for anonymous. */
    String token(String role) {
        return tokens.get(role);
    }

    String person(String role) {
        return persons.get(role);
    }

    static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    RequestSpecification admin() {
        return as(token("hr-admin"));
    }

    static String typeBody(String key, String team, String calendar) {
        String target = "{\"firstResponseMinutes\":60,\"resolutionMinutes\":480}";
        return """
                {"key":"%s","name":"Access type","category":"payroll","defaultPriority":"NORMAL","team":"%s",
                 "confidential":false,"calendar":"%s","targets":{"LOW":%s,"NORMAL":%s,"HIGH":%s,"URGENT":%s},
                 "surveySamplingRate":0.0}""".formatted(key, team, calendar, target, target, target, target);
    }

    static String calendarBody(String key) {
        return """
                {"key":"%s","name":"Office","zone":"Europe/Berlin","workingHours":%s,"holidays":[]}"""
                .formatted(key, Api.OFFICE_HOURS);
    }

    /** Whether the role raises requests (and so writes PUBLIC comments and withdraws). */
    static boolean requesterSide(String role) {
        return List.of("employee", "manager", "service").contains(role);
    }

    // ---- requests ----

    /** The object {@code role} calls about, in {@code state}: shared (made once), or fresh when {@code fresh}. */
    Req request(String role, Target target, State state, boolean fresh) {
        String shape = switch (target) {
            case OWN -> role.equals("er-specialist") ? "er-own"
                    : requesterSide(role) ? "own-" + role : "own-employee";
            case OTHER -> "other";
            case CONFIDENTIAL -> "confidential";
        };
        Supplier<Req> make = () -> advance(raise(shape), state);
        return fresh ? make.get() : shared.computeIfAbsent(shape + "/" + state, k -> make.get());
    }

    private Req raise(String shape) {
        return switch (shape) {
            case "own-employee" -> take(submit(token("employee"), typeA, null), token("hr-agent"), agent,
                    lead2Token, agentColleague);
            case "own-manager" -> take(submit(token("manager"), typeA, null), token("hr-agent"), agent,
                    lead2Token, agentColleague);
            case "own-service" -> take(submit(token("service"), typeA, unique("emp")), token("hr-agent"), agent,
                    lead2Token, agentColleague);
            case "other" -> take(submit(emp2Token, typeB, null), agentBToken, agentB, leadBToken, agentColleague);
            case "confidential" -> take(submit(emp2Token, typeC, null), er2Token, er2, erLeadToken, er3);
            case "er-own" -> take(submit(emp2Token, typeC, null), token("er-specialist"), er, erLeadToken, er3);
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private record Raised(String id, String reference, String requesterToken, boolean confidential) {
    }

    private Raised submit(String token, String type, String requesterForService) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "subject", "Access matrix question",
                "description", "Which payslip line is the bonus?"));
        String requesterToken = token;
        if (requesterForService != null) {
            body.put("requester", requesterForService);
            requesterToken = Tokens.employee(requesterForService);
        }
        Response created = as(token).body(body).post("/api/v1/requests");
        created.then().statusCode(201);
        return new Raised(created.path("id"), created.path("reference"), requesterToken, type.equals(typeC));
    }

    private Req take(Raised r, String ownerToken, String owner, String leadToken, String handoverTo) {
        as(ownerToken).body(Map.of("owner", owner)).post("/api/v1/requests/" + r.id() + "/assignment").then()
                .statusCode(200);
        String reader = r.confidential() ? erLeadToken : token("hr-admin");
        return new Req(r.id(), r.reference(), r.requesterToken(), ownerToken, leadToken, reader, handoverTo);
    }

    private Req advance(Req r, State state) {
        if (state.compareTo(State.PROPOSED) >= 0) {
            as(r.ownerToken()).body(Map.of("reason", "UNSAFE", "explanation", "It would put someone at risk",
                    "policyReference", "HR-POL-7")).post(path(r, "/decline")).then().statusCode(201);
        }
        if (state.compareTo(State.DECLINED) >= 0) {
            as(r.leadToken()).body(Map.of("note", "Agreed")).post(path(r, "/decline/confirm")).then().statusCode(200);
        }
        if (state.compareTo(State.APPEALED) >= 0) {
            as(r.requesterToken()).body(Map.of("statement", "Please look again")).post(path(r, "/decline/appeal"))
                    .then().statusCode(201);
        }
        return r;
    }

    static String path(Req r, String tail) {
        return "/api/v1/requests/" + r.id() + tail;
    }

    /** What someone who may see the request reads now: its ETag and priority. */
    Response readAsHr(Req r) {
        Response read = as(r.readerToken()).get(path(r, ""));
        read.then().statusCode(200);
        return read;
    }

    // ---- self-service views ----

    /** The view {@code role} reads: their own (an employee's for a role that records none), or another person's. */
    String view(String role, Target target) {
        return switch (target) {
            case OWN -> {
                String v = views.get("own/" + role);
                if (v == null) {
                    v = record(token(role), typeA);
                    v = v != null ? v : view("employee", Target.OWN);
                    views.put("own/" + role, v);
                }
                yield v;
            }
            case OTHER -> views.computeIfAbsent("other", k -> record(emp2Token, typeA));
            case CONFIDENTIAL -> views.computeIfAbsent("confidential", k -> record(emp2Token, typeC));
        };
    }

    /** Records a view; null when the caller may not. */
    String record(String token, String type) {
        Response created = as(token).body(Map.of("type", type, "suggestionIds", List.of("lesson-1")))
                .post("/api/v1/self-service/views");
        return created.statusCode() == 201 ? created.path("id") : null;
    }

    // ---- the staff register ----

    /** The staff member an object stands for: an agent of team A, of team B, an er-specialist. */
    String staffMember(Target target) {
        return switch (target) {
            case OWN -> agent;
            case OTHER -> agentB;
            case CONFIDENTIAL -> er;
        };
    }

    String staffTeam(Target target) {
        return switch (target) {
            case OWN -> teamA;
            case OTHER -> teamB;
            case CONFIDENTIAL -> erTeam;
        };
    }

    Map<String, Object> staffBody(Target target) {
        List<String> roles = target == Target.CONFIDENTIAL ? List.of("er-specialist") : List.of("hr-agent");
        return Map.of("team", staffTeam(target), "roles", roles, "active", true);
    }

    /** A person to erase: a fresh one who raised a request of the object's kind. */
    String erasable(Target target) {
        String person = unique("erasable");
        String type = switch (target) {
            case OWN -> typeA;
            case OTHER -> typeB;
            case CONFIDENTIAL -> typeC;
        };
        submit(Tokens.employee(person), type, null);
        return person;
    }
}
