package io.hrloop.request.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.problem.ProblemMappers;
import io.hrloop.request.domain.IllegalTransitionException;

/** Problems specific to this service, in the one problem+json format. */
public class RequestProblems {

    /** An illegal lifecycle move is a 409 that says which moves are allowed. */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("from", e.from().name());
        members.put("to", e.to().name());
        members.put("allowed", e.allowed().stream().map(Enum::name).toList());
        return ProblemMappers.problem(new Problem(Problem.TYPE_BASE + "illegal-transition", "Conflict", 409,
                e.getMessage(), null, null, members));
    }
}
