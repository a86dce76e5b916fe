package io.hrloop.system;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;

/** What the system tests do to and read from the deployed services. */
final class Flow {

    static final String TYPE = "backbone-query";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Flow() {
    }

    static void ensureCatalogue(Suite suite) {
        Catalogue.ensureRequestType(suite.request.baseUrl(), TYPE, "payroll", 0.0);
    }

    /** Submits a request as an employee; returns its id (the request-service must answer 201). */
    static String submit(Suite suite, String person, String subject) {
        return given().baseUri(suite.request.baseUrl()).auth().oauth2(Tokens.employee(person))
                .contentType(ContentType.JSON)
                .body(Map.of("type", TYPE, "subject", subject, "description", "system test"))
                .when().post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
    }

    /** A plain HTTP call with a deadline, for measuring how long a service takes to answer at all. */
    static HttpResponse<String> call(String method, String url, String token, String body, Duration timeout)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String submission(String subject) {
        return "{\"type\":\"" + TYPE + "\",\"subject\":\"" + subject + "\",\"description\":\"system test\"}";
    }

    /** feedback-service's own projection: how many events of each request it applied. */
    static Map<String, Integer> snapshots(Collection<String> ids) throws Exception {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection db = Suite.database("feedback");
                PreparedStatement select = db.prepareStatement(
                        "select request_id::text, events_applied from request_snapshot where request_id::text = any(?)")) {
            Array array = db.createArrayOf("text", ids.toArray());
            select.setArray(1, array);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return applied;
    }

    /** Polls until every id is applied; then waits a little for a duplicate, if any, to (wrongly) arrive. */
    static Map<String, Integer> awaitSnapshots(Collection<String> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> applied = snapshots(ids);
        while (applied.size() < ids.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            applied = snapshots(ids);
        }
        if (applied.size() == ids.size()) {
            Thread.sleep(2_000);
            applied = snapshots(ids);
        }
        return applied;
    }

    static long count(String database, String sql) throws Exception {
        try (Connection db = Suite.database(database); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void admin(String... statements) throws Exception {
        try (Connection db = Suite.database("postgres")) {
            for (String sql : statements) {
                db.createStatement().execute(sql);
            }
        }
    }

    static boolean ready(io.hrloop.infra.ServiceProcess process) {
        try {
            return call("GET", process.managementUrl() + "/q/health/ready", null, null, Duration.ofSeconds(5))
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> ofEach(Map<String, Integer> applied, int expected) {
        return applied.entrySet().stream().filter(e -> e.getValue() != expected).map(Map.Entry::getKey).toList();
    }

}
