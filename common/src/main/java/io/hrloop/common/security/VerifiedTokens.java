package io.hrloop.common.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens verified once, not on every call. A portal sends the same token with each of its calls for the
 * token's lifetime; checking its RS256 signature and parsing its claims every time was a sizeable share of a
 * request's CPU. This provider runs before smallrye-jwt's own validator: it keeps the verified claims of an exact
 * token string until the token expires (never longer than {@code hrloop.security.verified-token-ttl}, so a key
 * withdrawn from the JWKS stops being honoured within that time), and verifies a token it has not seen with the
 * same {@link JWTParser} and configuration as smallrye-jwt. A token that fails is not remembered: every call with it
 * is verified again and refused. A remembered token past its {@code exp} is verified again too (the parser applies
 * the configured clock skew).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);

    private final JWTParser parser;
    private final boolean blocking;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(JWTParser parser,
            @ConfigProperty(name = "hrloop.security.verified-token-ttl", defaultValue = "PT5M") Duration ttl,
            @ConfigProperty(name = "hrloop.security.verified-token-cache-size", defaultValue = "20000") long size,
            @ConfigProperty(name = "quarkus.smallrye-jwt.blocking-authentication", defaultValue = "false") boolean blocking) {
        this.parser = parser;
        this.blocking = blocking;
        long ceiling = ttl.toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(new Expiry<String, JsonWebToken>() {
                    @Override
                    public long expireAfterCreate(String token, JsonWebToken jwt, long now) {
                        long untilExpiry = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime()) - System.currentTimeMillis() * 1_000_000L;
                        return Math.max(0, Math.min(ceiling, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String token, JsonWebToken jwt, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, JsonWebToken jwt, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Ahead of smallrye-jwt's {@code MpJwtValidator}, which has the default priority ({@code SYSTEM_FIRST + 1}) and
     * therefore never sees a bearer token.
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        JsonWebToken jwt = verified.getIfPresent(token);
        if (jwt != null && jwt.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return Uni.createFrom().item(identity(jwt, request));
        }
        // Where smallrye-jwt verifies (on the event loop unless told otherwise), so does this.
        if (blocking) {
            return context.runBlocking(() -> verify(token, request));
        }
        return Uni.createFrom().emitter(emitter -> {
            try {
                emitter.complete(verify(token, request));
            } catch (AuthenticationFailedException e) {
                emitter.fail(e);
            }
        });
    }

    private SecurityIdentity verify(String token, TokenAuthenticationRequest request) {
        JsonWebToken parsed;
        try {
            parsed = parser.parse(token);
        } catch (ParseException e) {
            LOG.debug("Bearer token refused", e);
            throw new AuthenticationFailedException(e);
        }
        verified.put(token, parsed);
        return identity(parsed, request);
    }

    private static SecurityIdentity identity(JsonWebToken jwt, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, jwt);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            builder.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return builder.build();
    }

    /** How many verified tokens are held (for tests and the curious). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
