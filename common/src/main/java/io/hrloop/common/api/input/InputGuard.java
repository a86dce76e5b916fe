package io.hrloop.common.api.input;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.problem.Problem;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses hostile request targets and oversized requests on the HTTP layer, before authentication and
 * before any resource runs, with problem+json: control characters or broken UTF-8 in the path or a query
 * parameter (400 {@code invalid-characters}), a target longer than {@code hrloop.input.max-uri-length} (414),
 * headers over {@code hrloop.input.max-header-bytes} (431), a declared body over
 * {@code quarkus.http.limits.max-body-size} (413). It runs ahead of Quarkus's own body-size check, which
 * would answer 413 without a body.
 */
@Singleton
public class InputGuard {

    private final InputLimits limits;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public InputGuard(InputLimits limits, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.limits = limits;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(-1L);
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<InputChecks.Rejection> rejection = InputChecks
                .target(request.uri(), request.path(), request.query(), limits.maxUriLength())
                .or(() -> InputChecks.headers(request.headers(), limits.maxHeaderBytes()))
                .or(() -> InputChecks.contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH), maxBodyBytes));
        if (rejection.isEmpty()) {
            context.next();
            return;
        }
        reject(context, rejection.get());
    }

    private void reject(RoutingContext context, InputChecks.Rejection r) {
        List<Problem.FieldError> errors = r.field() == null ? null
                : List.of(new Problem.FieldError(r.field(), "contains control characters or is not well-formed UTF-8"));
        String body;
        try {
            body = mapper.writeValueAsString(new Problem(Problem.TYPE_BASE + r.slug(), r.title(), r.status(),
                    r.detail(), null, errors, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Log.debugf("Refused %s before any resource: %s", r.status(), r.slug());
        var response = context.response().setStatusCode(r.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (r.status() == 413) {
            // The body is not read; the connection cannot be reused for another request.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
