package io.hrloop.request.api;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.fuzz.HostileInputFuzz;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At least 2,000 hostile inputs derived from the served OpenAPI document (see test-support's
 * {@code OpenApiFuzzer}): no 5xx, every rejection problem+json, no row gained or lost. Paths aim at a real
 * request and a real request type, so that what a resource reads from them is checked where it is used.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class HostileInputFuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void generatedHostileInputsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        String type = Api.type(Api.unique("team"), false, 60, 480);
        String request = Api.submit(Api.employee(Api.unique("emp")), type, "Fuzz target");
        List<String> callers = List.of(Tokens.of("fuzz-admin", "payroll", "hr-admin", "operator"),
                Tokens.employee("fuzz-employee"), Tokens.of("fuzz-lead", "payroll", "hr-lead"),
                Tokens.of("fuzz-agent", "payroll", "hr-agent"));
        HostileInputFuzz.run("request-service", dataSource, (path, parameter) -> {
            if (path.startsWith("/api/v1/requests/{id}") && "id".equals(parameter)) {
                return request;
            }
            return path.startsWith("/api/v1/request-types/{key}") ? type : null;
        }, callers, 20_261_126L, 2_000);
    }
}
