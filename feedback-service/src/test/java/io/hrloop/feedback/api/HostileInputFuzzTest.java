package io.hrloop.feedback.api;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.fuzz.HostileInputFuzz;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At least 2,000 hostile inputs derived from the served OpenAPI document (see test-support's
 * {@code OpenApiFuzzer}): no 5xx, every rejection problem+json, no row gained or lost.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class HostileInputFuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void generatedHostileInputsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        List<String> callers = List.of(Tokens.of("fuzz-admin", "payroll", "hr-admin", "operator"),
                Tokens.employee("fuzz-employee"), Tokens.of("fuzz-lead", "payroll", "hr-lead"),
                Tokens.of("fuzz-agent", "payroll", "hr-agent"));
        HostileInputFuzz.run("feedback-service", dataSource, (path, parameter) -> null, callers, 20_261_126L, 2_000);
    }
}
