package io.hrloop.feedback.limits;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Limits low enough to reach in a test (the test profile otherwise lifts them), with the client taken from X-Forwarded-For. */
public class LowLimits implements QuarkusTestProfile {

    static final int WRITES = 6;
    static final int FEEDBACK = 3;
    static final int SURVEY_LOOK_UPS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hrloop.limits.writes-per-person", Integer.toString(WRITES),
                "hrloop.limits.feedback-per-person", Integer.toString(FEEDBACK),
                "hrloop.limits.survey-tokens-per-client", Integer.toString(SURVEY_LOOK_UPS),
                "hrloop.limits.trust-forwarded-for", "true");
    }

    /** The same limits under the load profile. */
    public static class UnderLoad extends LowLimits {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.put("hrloop.limits.profile", "load");
            return overrides;
        }
    }
}
