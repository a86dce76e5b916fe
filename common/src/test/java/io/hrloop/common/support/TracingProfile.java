package io.hrloop.common.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link ConsumingProfile} with the OpenTelemetry SDK on, every trace sampled (a trace whose producer sampled it,
 * and every new one), and the spans captured in memory by {@link CapturedSpans} within a few tens of milliseconds
 * of their end. A poll batch is applied in one transaction.
 */
public class TracingProfile extends ConsumingProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.otel.sdk.disabled", "false");
        config.put("quarkus.otel.traces.sampler", "parentbased_always_on");
        config.put("quarkus.otel.bsp.schedule.delay", "50ms");
        // a poll batch of cheap events is one transaction even while the application is cold (its first events
        // cost far more than later ones, and each transaction aims at about this much of their recent cost)
        config.put("hrloop.consumer.transaction-budget", "30s");
        return config;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(CapturedSpans.class);
    }
}
