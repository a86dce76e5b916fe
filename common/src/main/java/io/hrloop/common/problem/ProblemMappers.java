package io.hrloop.common.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.hrloop.common.api.input.InvalidCharactersException;
import io.hrloop.common.db.DatabaseTrouble;
import io.hrloop.common.domain.DomainException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps every failure to problem+json; unexpected ones are logged and answered without internals. */
public class ProblemMappers {

    /** What a 503 tells a client to wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "5";

    public static Response problem(int status, String slug, String title, String detail) {
        return problem(new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, null, null));
    }

    public static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response mapProblem(ProblemException e) {
        return problem(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(), null, null,
                e.extensions().isEmpty() ? null : e.extensions()));
    }

    /** A use case's refusal, by its kind (the service layer knows nothing of HTTP). */
    @ServerExceptionMapper
    public Response mapDomain(DomainException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case UNPROCESSABLE -> 422;
            case NOT_PERMITTED -> 403;
            case CONFLICT -> 409;
            case STALE -> 412;
            case VERSION_REQUIRED -> 428;
        };
        String title = switch (e.kind()) {
            case NOT_FOUND -> "Not found";
            case INVALID -> "Invalid request";
            case UNPROCESSABLE -> "Unprocessable request";
            case NOT_PERMITTED -> "Forbidden";
            case CONFLICT -> "Conflict";
            case STALE -> "Precondition failed";
            case VERSION_REQUIRED -> "Precondition required";
        };
        return problem(new Problem(Problem.TYPE_BASE + e.code(), title, status, e.getMessage(), null, null,
                e.details().isEmpty() ? null : e.details()));
    }

    @ServerExceptionMapper
    public Response mapValidation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return problem(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, null, errors, null));
    }

    /** The field path a client knows: the method and parameter prefix of a resource call are dropped. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException e) {
        if (e instanceof InvalidCharactersException invalid) {
            String field = path(invalid);
            String message = "contains a NUL character";
            return problem(new Problem(Problem.TYPE_BASE + "invalid-characters", "Invalid request", 400,
                    "field '" + field + "' " + message, null, List.of(new Problem.FieldError(field, message)), null));
        }
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            // Nesting, string or number beyond the limits of io.hrloop.common.api.input.InputLimits.
            return problem(400, "malformed-body", "Malformed request body",
                    "the body exceeds a JSON limit: " + constraint(limit.getOriginalMessage()));
        }
        String detail = "the body is not valid JSON";
        if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            detail = "field '" + path(invalid) + "' has an invalid value";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = "field '" + path(mapping) + "' has an invalid value or type";
        }
        return problem(400, "malformed-body", "Malformed request body", detail);
    }

    /**
     * A value Jackson cannot bind (an unknown enum constant, a string where a number belongs). Quarkus
     * REST has its own mapper for this exception that answers plain JSON; this one takes precedence.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mapMismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return mapJson(e);
    }

    /** The failure or one of its causes of the given type (Jackson wraps what a property's reading threw). */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Which limit was hit, without echoing the input. */
    private static String constraint(String message) {
        String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("nesting depth")) {
            return "nested too deeply";
        }
        if (text.contains("string value length")) {
            return "a string is too long";
        }
        if (text.contains("number value length")) {
            return "a number is too long";
        }
        return "the document is too large";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class, NotAuthorizedException.class })
    public Response mapUnauthorized(Exception e) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Forbidden", "your roles do not allow this operation");
    }

    /** The database is unreachable, slow or restarting: nothing was changed, and a retry soon may succeed. */
    public static Response unavailable(Throwable e) {
        Log.warnf("Answering 503: database unavailable (%s)", e.getClass().getSimpleName());
        return Response.fromResponse(problem(503, "service-unavailable", "Service unavailable",
                "the service cannot reach its database right now; nothing was changed, please retry shortly"))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException e) {
        return problem(409, "concurrent-update", "Conflict",
                "the resource was changed by someone else meanwhile; read it again and retry");
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        if (json != null && status == 400) {
            // Quarkus REST wraps what Jackson could not read (a JSON limit, say) in a plain 400.
            return mapJson(json);
        }
        if (e instanceof NotFoundException) {
            return problem(404, "not-found", "Not found", "no resource at this path");
        }
        if (e instanceof NotAllowedException) {
            Response r = problem(405, "method-not-allowed", "Method not allowed",
                    "this resource does not support the method");
            return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
        }
        if (e instanceof NotAcceptableException) {
            return problem(406, "not-acceptable", "Not acceptable", "this resource answers application/json");
        }
        if (e instanceof NotSupportedException) {
            return problem(415, "unsupported-media-type", "Unsupported media type", "send application/json");
        }
        if (status >= 500) {
            Log.error("Server error", e);
            return problem(status, "server-error", "Server error", "the service could not complete the request");
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        return problem(status, title.toLowerCase().replace(' ', '-'), title,
                e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : title);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response mapUnexpected(Exception e) {
        if (DatabaseTrouble.isDatabaseTrouble(e)) {
            return unavailable(e);
        }
        Log.error("Unexpected failure", e);
        return problem(new Problem(Problem.TYPE_BASE + "server-error", "Server error", 500,
                "the service could not complete the request", null, null, Map.of()));
    }
}
