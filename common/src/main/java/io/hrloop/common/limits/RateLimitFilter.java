package io.hrloop.common.limits;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.hrloop.common.problem.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies {@link RateLimits} to every endpoint of the service: survey-token endpoints ({@link ClientLimited})
 * per client address; feedback creation ({@link FeedbackLimited}) per person in the unlinkable counter; every
 * other write per person (token {@code sub}). A refusal is 429 problem+json with {@code Retry-After}.
 */
public class RateLimitFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private enum Kind {
        CLIENT, FEEDBACK, OTHER
    }

    private final RateLimits limits;
    private final LimitsConfig config;
    private final CurrentIdentityAssociation identities;
    private final Map<Method, Kind> kinds = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimits limits, LimitsConfig config, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.config = config;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        Kind kind = method == null ? Kind.OTHER : kinds.computeIfAbsent(method, RateLimitFilter::kindOf);
        if (kind == Kind.CLIENT) {
            Verdict verdict = limits.surveyToken(client(request));
            if (!verdict.allowed()) {
                return Uni.createFrom().item(tooMany(verdict, "too many survey look-ups from your address"));
            }
        }
        if (kind != Kind.FEEDBACK && !WRITES.contains(context.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            String person = person(identity);
            if (person == null) {
                return null; // no login: the security checks answer, or a client limit applies
            }
            Verdict verdict = kind == Kind.FEEDBACK ? limits.feedback(person) : limits.write(person);
            return verdict.allowed() ? null : tooMany(verdict, kind == Kind.FEEDBACK
                    ? "you have given a lot of feedback recently" : "you have made too many changes in a short time");
        });
    }

    private static Kind kindOf(Method method) {
        if (method.isAnnotationPresent(ClientLimited.class)) {
            return Kind.CLIENT;
        }
        return method.isAnnotationPresent(FeedbackLimited.class) ? Kind.FEEDBACK : Kind.OTHER;
    }

    private static String person(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : principal.getName();
        return subject == null || subject.isBlank() ? null : subject;
    }

    /** The client's address: the peer, or behind a trusted proxy the last X-Forwarded-For entry (its own view). */
    private String client(HttpServerRequest request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static Response tooMany(Verdict verdict, String detail) {
        return Response.fromResponse(ProblemMappers.problem(429, "too-many-requests", "Too many requests",
                detail + "; retry after " + verdict.retryAfterSeconds() + " s"))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds())).build();
    }
}
