package io.hrloop.feedback.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.hrloop.common.problem.ProblemMappers;

/**
 * A body field of the wrong type or an unknown enum value: Quarkus's own mapper for this exception
 * (more specific than the common JSON mapper) answers plain JSON, so it is claimed here as problem+json.
 */
public class JsonInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mapMismatchedInput(MismatchedInputException e) {
        return problems.mapJson(e);
    }
}
