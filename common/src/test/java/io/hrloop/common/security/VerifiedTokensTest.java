package io.hrloop.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.infra.TokenIssuer;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A token is verified once and then remembered; nothing that fails verification gets in, before or after. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class VerifiedTokensTest {

    private static final String SECURED = "/api/v1/dead-letters";

    @Inject
    VerifiedTokens tokens;

    private static int status(String token) {
        return RestAssured.given().auth().oauth2(token).get(SECURED).statusCode();
    }

    @Test
    void aVerifiedTokenIsRememberedAndStillCarriesItsRoles() {
        String operator = Tokens.of("ops-cache", null, "operator");
        long before = tokens.size();
        assertEquals(200, status(operator));
        assertEquals(before + 1, tokens.size(), "remembered after its first verification");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, status(operator));
        }
        assertEquals(before + 1, tokens.size(), "one entry per token, however often it is used");
        assertEquals(403, status(Tokens.employee("emp-cache")), "roles come from the remembered claims");
        assertEquals(403, status(Tokens.employee("emp-cache")));
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String operator = Tokens.of("ops-tamper", null, "operator");
        assertEquals(200, status(operator));
        String[] parts = operator.split("\\.");
        String otherPayload = Tokens.of("ops-tamper-2", null, "operator", "hr-admin").split("\\.")[1];
        assertEquals(401, status(parts[0] + "." + otherPayload + "." + parts[2]), "claims swapped under a known signature");
        char last = parts[2].charAt(parts[2].length() - 2);
        String flipped = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertEquals(401, status(parts[0] + "." + parts[1] + "." + flipped), "signature altered");
        assertEquals(200, status(operator), "the genuine token still works");
    }

    @Test
    void expiredOrForeignTokensAreRefusedEveryTime() throws Exception {
        String expired = TestInfrastructure.get().tokens().issue("ops-old", null, Duration.ofMinutes(-10), "operator");
        TokenIssuer stranger = new TokenIssuer(Files.createTempDirectory("stranger"));
        String foreign = stranger.issue("ops-foreign", null, "operator");
        long before = tokens.size();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, status(expired));
            assertEquals(401, status(foreign));
        }
        assertEquals(before, tokens.size(), "refused tokens are not remembered");
    }
}
