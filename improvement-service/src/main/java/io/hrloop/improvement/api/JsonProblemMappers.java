package io.hrloop.improvement.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.hrloop.common.problem.ProblemMappers;

/**
 * Quarkus REST ships its own mapper for Jackson's MismatchedInputException (an unknown enum value, a string
 * where a number belongs) that answers plain JSON; this one, being the application's, takes precedence and
 * answers problem+json like every other error.
 */
public class JsonProblemMappers {

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        return ProblemMappers.problem(400, "malformed-body", "Malformed request body",
                field == null ? "the body does not have the expected shape" : "field '" + field + "' has an invalid value or type");
    }
}
