package io.hrloop.common.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * The one mapping from the service's {@code kafka.*} configuration (Quarkus's "default-kafka-broker"
 * map) to the properties of a Kafka client: everything but Quarkus's own settings, so that TLS and SASL
 * (kafka.security.protocol, kafka.sasl.*) reach the relay, the consumer and the admin client alike.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    public static Map<String, Object> properties(Map<String, Object> kafkaConfig) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (!key.startsWith("health") && !key.startsWith("snappy") && !key.startsWith("devservices")) {
                props.put(key, value);
            }
        });
        return props;
    }
}
