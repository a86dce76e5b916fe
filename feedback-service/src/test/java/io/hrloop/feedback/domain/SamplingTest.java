package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void ratesZeroAndOneAreNeverAndAlways() {
        UUID id = UUID.randomUUID();
        assertTrue(Sampling.sampled(id, 1.0));
        assertFalse(Sampling.sampled(id, 0.0));
    }

    @Test
    void theShareSampledFollowsTheRateAndTheDrawIsStable() {
        long sampled = IntStream.range(0, 20_000).mapToObj(i -> UUID.randomUUID()).filter(id -> Sampling.sampled(id, 0.3)).count();
        assertEquals(0.3, sampled / 20_000.0, 0.02);
        UUID id = UUID.randomUUID();
        assertEquals(Sampling.sampled(id, 0.5), Sampling.sampled(id, 0.5), "a redelivery decides the same");
    }

    @Test
    void tokensAreUnguessableAndWellFormed() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SurveyTokens.next();
            assertTrue(SurveyTokens.wellFormed(token));
            tokens.add(token);
        }
        assertEquals(1000, tokens.size());
        assertFalse(SurveyTokens.wellFormed("../../etc/passwd"));
        assertNotEquals(SurveyTokens.next(), SurveyTokens.next());
    }
}
