package io.hrloop.feedback.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Topics;

/**
 * Feeds contract events into the service as the other services would publish them: CloudEvents in
 * structured JSON built from the shared examples, produced to the real broker.
 */
public final class RequestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private RequestEvents() {
    }

    /** A request of one type and team, resolved for {@code requester}. */
    public record Request(UUID id, String reference, String type, String team, String requester, String subject) {

        public static Request of(String type, String team, String requester) {
            long n = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
            return new Request(UUID.randomUUID(), String.format("HR-%09d", n), type, team, requester,
                    "Subject " + n);
        }
    }

    public static void resolved(Request request, double samplingRate) {
        send("hr.requests", request.id().toString(), resolvedEvent(request, samplingRate, null, null));
    }

    /** hr.request.resolved carrying the requester's address and language (either may be null); send it with {@link #send}. */
    public static ObjectNode resolvedEvent(Request request, double samplingRate, String email, String locale) {
        ObjectNode event = example("hr.request.resolved", request.id());
        ObjectNode data = (ObjectNode) event.get("data");
        fill(data, request);
        data.put("status", "RESOLVED");
        data.put("surveySamplingRate", samplingRate);
        data.put("requesterEmail", email);
        data.put("requesterLocale", locale);
        return event;
    }

    public static void reopened(Request request) {
        send("hr.requests", request.id().toString(), reopenedEvent(request));
    }

    /** hr.request.reopened; send it with {@link #send}. */
    public static ObjectNode reopenedEvent(Request request) {
        ObjectNode event = example("hr.request.reopened", request.id());
        ObjectNode data = (ObjectNode) event.get("data");
        fill(data, request);
        data.put("status", "IN_PROGRESS");
        return event;
    }

    /** hr.improvement.implemented linking {@code feedbackIds}; send it with {@link #send}. */
    public static ObjectNode implemented(UUID improvementId, String title, List<String> feedbackIds) {
        ObjectNode event = example("hr.improvement.implemented", improvementId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("improvementId", improvementId.toString());
        data.put("title", title);
        data.put("implementedAt", Instant.now().toString());
        data.put("feedbackCount", feedbackIds.size());
        data.putArray("feedbackIds").addAll(feedbackIds.stream().map(MAPPER::valueToTree)
                .map(com.fasterxml.jackson.databind.JsonNode.class::cast).toList());
        data.put("feedbackCount", feedbackIds.size());
        return event;
    }

    /** Sends hr.person.erased; returns the event's id. */
    public static String erased(String personId, String pseudonym) {
        ObjectNode event = example("hr.person.erased", UUID.randomUUID());
        event.put("subject", personId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("personId", personId);
        data.put("pseudonym", pseudonym);
        send("hr.people", personId, event);
        return event.path("id").asText();
    }

    private static void fill(ObjectNode data, Request request) {
        data.put("reference", request.reference());
        data.put("requestType", request.type());
        data.put("team", request.team());
        data.put("requester", request.requester());
        data.put("subject", request.subject());
        data.put("confidential", request.requester() == null);
    }

    /** The shared example of {@code type} with a fresh event id and time, about {@code subject}. */
    public static ObjectNode example(String type, UUID subject) {
        try (InputStream in = RequestEvents.class.getClassLoader().getResourceAsStream("contracts/examples/" + type + ".json")) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", subject.toString());
            event.put("time", Instant.now().toString());
            if (event.get("data").has("requestId")) {
                ((ObjectNode) event.get("data")).put("requestId", subject.toString());
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void send(String topic, String key, ObjectNode event) {
        if (producer == null) {
            Topics.ensure("hr.requests", "hr.improvements", "hr.people", "hr.feedback");
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers(),
                    "acks", "all"), new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, event.toString())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }
}
