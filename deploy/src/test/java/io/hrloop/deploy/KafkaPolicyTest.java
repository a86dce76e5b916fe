package io.hrloop.deploy;

import static io.hrloop.deploy.Edit.at;
import static io.hrloop.deploy.WorkloadPolicyTest.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.junit.jupiter.api.Test;

/** Topics, users and the services' Kafka wiring against the event contract and the services' configuration. */
class KafkaPolicyTest {

    @Test
    void theFactsTheChecksRelyOnAreThere() {
        // If the contract or the services' configuration can no longer be read, the checks would be empty.
        assertEquals(List.of("hr.feedback", "hr.improvements", "hr.people", "hr.requests"), List.copyOf(Repo.eventTopics()));
        assertTrue(Repo.services().stream().anyMatch(s -> s.consumedTopics().contains("hr.requests")), Repo.services().toString());
    }

    @Test
    void everyContractTopicNeedsEnoughPartitionsReplicasAndInSyncReplicas() {
        Edit edit = Edit.base().change("KafkaTopic", "hr.feedback", t -> {
            at(t, "spec").put("partitions", 3).put("replicas", 2);
            at(t, "spec.config").remove("min.insync.replicas");
        });
        assertViolation("KafkaTopic hr.feedback has 3 partitions, fewer than 6", edit);
        assertViolation("KafkaTopic hr.feedback has 2 replicas, not 3", edit);
        assertViolation("KafkaTopic hr.feedback does not set min.insync.replicas 2", edit);
    }

    @Test
    void aMissingDeadLetterTopicIsRefused() {
        assertViolation("no KafkaTopic hr.dlq.improvement-service",
                Edit.base().remove("KafkaTopic", "hr.dlq.improvement-service"));
    }

    @Test
    void aTopicOfAnotherClusterIsNotCreated() {
        assertViolation("is not labelled strimzi.io/cluster: hrloop",
                Edit.base().change("KafkaTopic", "hr.people", t -> at(t, "metadata.labels").put("strimzi.io/cluster", "other")));
    }

    @Test
    void aConsumedTopicWithoutReadAclIsRefused() {
        // improvement-service consumes hr.people (its application.properties); take the grant away.
        assertViolation("KafkaUser improvement-service may not Read topic hr.people",
                Edit.base().change("KafkaUser", "improvement-service", u -> removeAcl(u.at("/spec/authorization/acls"), "hr.people")));
    }

    @Test
    void aConsumerWithoutGroupOrDeadLetterAclIsRefused() {
        Edit edit = Edit.base().change("KafkaUser", "feedback-service", u -> {
            removeAcl(u.at("/spec/authorization/acls"), "feedback-service");
            removeAcl(u.at("/spec/authorization/acls"), "hr.dlq.feedback-service");
        });
        assertViolation("KafkaUser feedback-service may not Read group feedback-service", edit);
        assertViolation("KafkaUser feedback-service may not Write topic hr.dlq.feedback-service", edit);
    }

    @Test
    void aTopicNobodyMayWriteAndAnAclOnAMisspelledTopicAreRefused() {
        assertViolation("KafkaUser request-service has an ACL on topic hr.request, which no KafkaTopic declares",
                Edit.base().change("KafkaUser", "request-service", u -> at(u, "spec.authorization.acls[0].resource").put("name", "hr.request")));
        assertViolation("no KafkaUser may write to hr.requests",
                Edit.base().change("KafkaUser", "request-service", u -> at(u, "spec.authorization.acls[0].resource").put("name", "hr.request")));
    }

    @Test
    void aWildcardAclIsRefused() {
        assertViolation("KafkaUser request-service has a broad ACL",
                Edit.base().change("KafkaUser", "request-service", u -> at(u, "spec.authorization.acls[0]").putArray("operations").add("All")));
    }

    @Test
    void moreConsumerReplicasThanPartitionsAreRefused() {
        assertViolation("Deployment feedback-service may scale to 8 replicas but hr.requests has 6 partitions",
                Edit.base().change("HorizontalPodAutoscaler", "feedback-service", h -> at(h, "spec").put("maxReplicas", 8)));
    }

    @Test
    void theServicesMustUseTheTlsScramListener() {
        assertViolation("connects to hrloop-kafka-bootstrap:9092, which is no listener of Kafka hrloop",
                Edit.base().change("ConfigMap", "hrloop-platform", c -> at(c, "data").put("HRLOOP_KAFKA_BOOTSTRAP", "hrloop-kafka-bootstrap:9092")));
        assertViolation("does not set KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                Edit.base().change("ConfigMap", "hrloop-platform", c -> at(c, "data").put("KAFKA_SECURITY_PROTOCOL", "SSL")));
    }

    @Test
    void eachServiceLogsInAsItsOwnKafkaUser() {
        assertViolation("Deployment feedback-service logs in to Kafka as request-service, not as its own KafkaUser",
                Edit.base().change("Deployment", "feedback-service", d -> at(Edit.env(d, "KAFKA_SASL_JAAS_CONFIG"), "valueFrom.secretKeyRef")
                        .put("name", "request-service")));
    }

    @Test
    void podsOutsideTheListenerPeersOrWithoutEgressToBrokersAreRefused() {
        Edit edit = Edit.base()
                .change("Deployment", "feedback-service", d -> at(d, "spec.template.metadata.labels").remove("hrloop.io/kafka-client"))
                .change("NetworkPolicy", "feedback-service", n -> at(n, "spec.egress[0].ports[0]").put("port", 9092));
        assertViolation("do not admit the pods of Deployment feedback-service", edit);
        assertViolation("does not let it reach the Kafka brokers on port 9093", edit);
    }

    @Test
    void aKraftQuorumNeedsAnOddNumberOfControllersAndEnoughBrokers() {
        Edit edit = Edit.base()
                .change("KafkaNodePool", "controller", p -> at(p, "spec").put("replicas", 2))
                .change("KafkaNodePool", "broker", p -> at(p, "spec").put("replicas", 2));
        assertViolation("has 2 KRaft controllers", edit);
        assertViolation("has 2 brokers, fewer than the replication factor 3", edit);
    }

    private static void removeAcl(com.fasterxml.jackson.databind.JsonNode acls, String resourceName) {
        ArrayNode list = (ArrayNode) acls;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (resourceName.equals(list.get(i).path("resource").path("name").asText())) {
                list.remove(i);
            }
        }
    }
}
