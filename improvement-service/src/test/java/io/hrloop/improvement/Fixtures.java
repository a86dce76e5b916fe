package io.hrloop.improvement;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.Topics;
import io.restassured.path.json.JsonPath;

/** Shared test fixtures: tokens, CloudEvents produced to the real broker, and polling of what the API shows. */
public final class Fixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Fixtures() {
    }

    public static String hr() {
        return Tokens.of("hr-agent-1", "payroll", "hr-agent");
    }

    public static String lead() {
        return Tokens.of("hr-lead-1", "payroll", "hr-lead");
    }

    /** An er-specialist: the only role that sees confidential (employee-relations) items. */
    public static String er() {
        return Tokens.of("er-specialist-1", "employee-relations", "er-specialist");
    }

    /** An internal system. */
    public static String service() {
        return Tokens.of("hris-sync", null, "service");
    }

    public static String manager() {
        return Tokens.of("mgr-" + UUID.randomUUID(), null, "manager");
    }

    public static String employee() {
        return Tokens.employee("emp-" + UUID.randomUUID());
    }

    /** An area no other test uses, so that tests never see each other's items. */
    public static String area() {
        return "area-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Topics.ensure("hr.feedback", "hr.requests", "hr.people", "hr.improvements");
            producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    TestInfrastructure.get().kafka().bootstrapServers(), "acks", "all"), new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    /** A builder of hr.feedback.received data, signed by default, received today. */
    public static final class Feedback {
        public final ObjectNode data = MAPPER.createObjectNode();

        public Feedback(String area) {
            data.put("feedbackId", UUID.randomUUID().toString());
            data.put("source", "SURVEY");
            data.put("subjectType", "REQUEST");
            data.put("subjectKey", area);
            data.put("requestId", UUID.randomUUID().toString());
            data.put("reference", "HR-000123");
            data.put("requestType", area);
            data.put("team", "payroll");
            data.putNull("csat");
            data.putNull("ces");
            data.putNull("nps");
            data.putNull("comment");
            data.putArray("themes");
            data.put("sentiment", 0.0);
            data.put("frustrated", false);
            data.put("anonymous", false);
            data.put("personId", "emp-" + UUID.randomUUID());
            data.put("receivedOn", LocalDate.now(ZoneOffset.UTC).toString());
        }

        public Feedback csat(Integer csat) {
            data.put("csat", csat);
            return this;
        }

        public Feedback nps(Integer nps) {
            data.put("nps", nps);
            return this;
        }

        public Feedback sentiment(double sentiment) {
            data.put("sentiment", sentiment);
            return this;
        }

        public Feedback frustrated() {
            data.put("frustrated", true);
            return this;
        }

        public Feedback comment(String comment) {
            data.put("comment", comment);
            return this;
        }

        public Feedback themes(String... themes) {
            ArrayNode array = data.putArray("themes");
            for (String theme : themes) {
                array.add(theme);
            }
            return this;
        }

        public Feedback person(String personId) {
            data.put("personId", personId);
            return this;
        }

        public Feedback anonymous() {
            data.put("anonymous", true);
            data.putNull("personId");
            data.putNull("requestId");
            data.putNull("reference");
            data.put("source", "UNSOLICITED");
            data.put("subjectType", "REQUEST_TYPE");
            return this;
        }

        /** Unsolicited feedback about a process, named as the person wrote it. */
        public Feedback aboutProcess(String name) {
            data.put("source", "UNSOLICITED");
            data.put("subjectType", "PROCESS");
            data.put("subjectKey", name);
            data.putNull("requestId");
            data.putNull("reference");
            data.putNull("requestType");
            data.putNull("team");
            return this;
        }

        /** About a confidential (employee-relations) request. */
        public Feedback confidential() {
            data.put("confidential", true);
            return this;
        }

        public Feedback on(LocalDate day) {
            data.put("receivedOn", day.toString());
            return this;
        }

        public String id() {
            return data.get("feedbackId").asText();
        }

        public String personId() {
            return data.path("personId").isNull() ? null : data.get("personId").asText();
        }

        public ObjectNode event() {
            return envelope("hr.feedback.received", "/hrloop/feedback-service", id(), data);
        }

        /** The comment's embedding as feedback-service's analysis carries it. */
        public Feedback embedding(String model, float[] vector) {
            data.set("commentEmbedding", MAPPER.valueToTree(
                    new io.hrloop.common.contract.FeedbackReceived.CommentEmbedding(model,
                            io.hrloop.text.Vectors.toBase64(vector))));
            return this;
        }

        public Feedback send() {
            Fixtures.send("hr.feedback", id(), event());
            return this;
        }
    }

    public static Feedback feedback(String area) {
        return new Feedback(area);
    }

    /** Produces an hr.request.sla-breached event for a new request of {@code type}. */
    public static UUID breach(String type, OffsetDateTime occurredAt) {
        return breach(type, occurredAt, false, "HR-" + (100000 + (int) (Math.random() * 899999)));
    }

    /** The same, for a confidential request or not, with its reference. */
    public static UUID breach(String type, OffsetDateTime occurredAt, boolean confidential, String reference) {
        UUID requestId = UUID.randomUUID();
        send("hr.requests", requestId.toString(), breachEvent(requestId, type, occurredAt, confidential, reference));
        return requestId;
    }

    /** An hr.request.sla-breached event (a new event id each time) of the request's resolution target. */
    public static ObjectNode breachEvent(UUID requestId, String type, OffsetDateTime occurredAt, boolean confidential,
            String reference) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("requestId", requestId.toString());
        data.put("reference", reference);
        data.put("requestType", type);
        data.put("category", confidential ? "employee-relations" : "payroll");
        data.put("team", confidential ? "employee-relations" : "payroll");
        data.put("priority", "NORMAL");
        data.put("status", "IN_PROGRESS");
        data.put("confidential", confidential);
        data.put("occurredAt", occurredAt.toString());
        data.put("target", "RESOLUTION");
        data.put("dueAt", occurredAt.minusMinutes(1).toString());
        data.put("targetMinutes", 240);
        return envelope("hr.request.sla-breached", "/hrloop/request-service", requestId.toString(), data);
    }

    public static void erased(String personId, String pseudonym) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("personId", personId);
        data.put("pseudonym", pseudonym);
        data.put("erasedAt", Instant.now().toString());
        send("hr.people", personId, envelope("hr.person.erased", "/hrloop/request-service", personId, data));
    }

    public static ObjectNode envelope(String type, String source, String subject, ObjectNode data) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", source);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    public static void send(String topic, String key, ObjectNode event) {
        try {
            producer().send(new ProducerRecord<>(topic, key, event.toString())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The items of an area as HR sees them. */
    public static List<Map<String, Object>> items(String area) {
        return items(area, hr());
    }

    /** The items of an area as the bearer of {@code token} sees them. */
    public static List<Map<String, Object>> items(String area, String token) {
        return given().auth().oauth2(token).queryParam("area", area).queryParam("limit", 100)
                .when().get("/api/v1/improvements").then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static JsonPath item(String id) {
        return given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    public static List<Map<String, Object>> evidence(String id, String token) {
        return given().auth().oauth2(token).when().get("/api/v1/improvements/" + id + "/evidence").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    /** Polls until {@code read} gives a value {@code until} accepts; fails with the last value otherwise. */
    public static <T> T await(Supplier<T> read, Predicate<T> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = read.get();
        while (!until.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached within 30 s; last value: " + last);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }

    /** Waits until the area has {@code count} items, each with evidence as in {@code evidenceCounts} in total. */
    public static List<Map<String, Object>> awaitItems(String area, Predicate<List<Map<String, Object>>> until) {
        return await(() -> items(area), until);
    }

    /** The same, as the bearer of {@code token} sees the items. */
    public static List<Map<String, Object>> awaitItems(String area, Predicate<List<Map<String, Object>>> until,
            String token) {
        return await(() -> items(area, token), until);
    }

    public static int totalEvidence(List<Map<String, Object>> items) {
        return items.stream().mapToInt(i -> ((Number) i.get("evidenceCount")).intValue()).sum();
    }
}
