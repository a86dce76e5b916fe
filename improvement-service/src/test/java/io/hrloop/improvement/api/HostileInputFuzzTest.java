package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.hr;
import static io.restassured.RestAssured.given;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.fuzz.HostileInputFuzz;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * At least 2,000 hostile inputs derived from the served OpenAPI document (see test-support's
 * {@code OpenApiFuzzer}): no 5xx, every rejection problem+json, no row gained or lost. Writes aim at a real
 * item, so that what reaches the item (an effort of 1e400, say) is checked where it is applied.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class HostileInputFuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void generatedHostileInputsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        String item = given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"title\":\"Fuzz target\",\"problem\":\"Customers wait.\",\"area\":\"" + area()
                        + "\",\"themes\":[\"speed\"]}")
                .when().post("/api/v1/improvements").then().statusCode(201).extract().path("id");
        List<String> callers = List.of(Tokens.of("fuzz-admin", "payroll", "hr-admin", "operator"),
                Tokens.employee("fuzz-employee"), Tokens.of("fuzz-lead", "payroll", "hr-lead"),
                Tokens.of("fuzz-agent", "payroll", "hr-agent"));
        HostileInputFuzz.run("improvement-service", dataSource,
                (path, parameter) -> path.startsWith("/api/v1/improvements/{id}") && "id".equals(parameter) ? item : null,
                callers, 20_261_126L, 2_000);
    }
}
