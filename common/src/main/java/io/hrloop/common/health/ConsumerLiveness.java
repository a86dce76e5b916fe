package io.hrloop.common.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.hrloop.common.inbox.EventConsumer;

/**
 * Liveness, not readiness: the consumer loop re-creates itself after every failure it sees and keeps
 * polling (paused) while the database or the broker is away, so a loop that has not polled for
 * {@code hrloop.consumer.stalled-after} is wedged, and restarting the process is the only cure. Readiness
 * would only take the API out of its Service, which cures nothing here.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    private final EventConsumer consumer;

    public ConsumerLiveness(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        if (!consumer.isRunning()) {
            return HealthCheckResponse.named("event-consumer").up().withData("consuming", false).build();
        }
        double seconds = consumer.secondsSincePoll();
        boolean stalled = seconds > consumer.stalledAfter().toSeconds();
        return HealthCheckResponse.named("event-consumer").status(!stalled)
                .withData("consuming", true)
                .withData("secondsSincePoll", Math.round(seconds))
                .withData("stalledAfterSeconds", consumer.stalledAfter().toSeconds())
                .build();
    }
}
