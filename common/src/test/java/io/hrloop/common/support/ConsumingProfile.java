package io.hrloop.common.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The test application with its consumer loop running on hr.people, retrying quickly. */
public class ConsumingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hrloop.consumer.topics", "hr.people",
                "hrloop.consumer.backoff", "200ms",
                "hrloop.consumer.max-backoff", "2s",
                "hrloop.consumer.max-poll-records", "50",
                // a short poll interval so that a slow handler makes the group give its partitions away
                "kafka.max.poll.interval.ms", "4000",
                "kafka.session.timeout.ms", "6000",
                "hrloop.metrics.backbone-interval", "1s");
    }
}
