package io.hrloop.common.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.hrloop.common.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether the broker answers, as the gauge {@code hrloop_kafka_broker_reachable} and the health group
 * {@code /q/health/group/kafka}. Deliberately not a readiness check: while the broker is away the outbox
 * keeps every accepted change, so the API stays in its Service and keeps accepting requests.
 */
@Startup
@HealthGroup("kafka")
@ApplicationScoped
public class BrokerReachability implements HealthCheck {

    private final Admin admin;
    private volatile boolean reachable = true;
    private volatile String detail = "not checked yet";

    public BrokerReachability(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        Map<String, Object> props = KafkaClients.properties(kafkaConfig);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-reachability");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.keySet().retainAll(AdminClientConfig.configNames());
        this.admin = Admin.create(props);
        Gauge.builder("hrloop.kafka.broker.reachable", this, b -> b.reachable ? 1 : 0)
                .description("1 while the Kafka broker answers, 0 otherwise").register(registry);
    }

    @Scheduled(every = "${hrloop.kafka.check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes()
                    .get(6, TimeUnit.SECONDS).size();
            reachable = nodes > 0;
            detail = nodes + " broker(s)";
        } catch (Exception e) {
            reachable = false;
            detail = e.getClass().getSimpleName();
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-broker").status(reachable).withData("detail", detail).build();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
