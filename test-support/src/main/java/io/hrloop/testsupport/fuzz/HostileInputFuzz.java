package io.hrloop.testsupport.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * One fuzz campaign against the service of a {@code @QuarkusTest}: reads its served OpenAPI document, derives
 * at least {@code atLeast} hostile inputs from it, sends them over real tokens, and asserts that no answer is a
 * 5xx, every 4xx is problem+json, and no table of the service's database gained or lost a row. Prints its counts.
 */
public final class HostileInputFuzz {

    /** Tables that change by themselves while nothing is asked: the lease a scheduled job takes and gives back. */
    public static final Set<String> SELF_CHANGING = Set.of("job_lease");

    private HostileInputFuzz() {
    }

    public static FuzzRun.Report run(String service, DataSource database, OpenApiFuzzer.PathValues pathValues,
            List<String> tokens, long seed, int atLeast) throws IOException {
        JsonNode document = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        OpenApiFuzzer fuzzer = OpenApiFuzzer.of(document, seed, pathValues);
        List<FuzzInput> inputs = fuzzer.inputs(atLeast);
        FuzzRun run = FuzzRun.prepare(fuzzer, RestAssured.port, tokens);
        Map<String, Long> before = TableCounts.settled(database, SELF_CHANGING);
        FuzzRun.Report report = run.send(service, inputs);
        Map<String, Long> after = TableCounts.settled(database, SELF_CHANGING);

        System.out.println(report.summary());
        System.out.printf("[hostile-input] %s: %d operations; rows per table before and after equal: %s (%d tables)%n",
                service, fuzzer.operations().size(), before.equals(after), before.size());
        report.acceptedWrites().stream().limit(10).forEach(w -> System.out.println("[hostile-input] accepted write: " + w));
        report.serverErrors().stream().limit(40).forEach(e -> System.out.println("[hostile-input] 5xx: " + e));
        report.notProblems().stream().limit(40).forEach(e -> System.out.println("[hostile-input] not problem+json: " + e));

        assertTrue(report.inputs() >= atLeast, report.summary());
        assertEquals(0, report.count("5xx"), () -> "5xx answers:\n" + String.join("\n", report.serverErrors()));
        assertEquals(List.of(), report.notProblems(), "rejections without application/problem+json");
        assertEquals(0, report.acceptedWrites().size(), () -> "writes accepted:\n" + String.join("\n", report.acceptedWrites()));
        assertEquals(before, after, "rows per table before and after the fuzz run");
        return report;
    }
}
