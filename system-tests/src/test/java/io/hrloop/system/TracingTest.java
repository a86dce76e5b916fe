package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.infra.KafkaBroker;
import io.hrloop.testsupport.Tokens;

/**
 * One trace followed from request-service through Kafka into feedback-service: the W3C trace context of the
 * HTTP request travels in the CloudEvent (the distributed-tracing extension), and the consumer's work is a
 * span of that trace, as the test OTLP collector receives them.
 */
class TracingTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Flow.ensureCatalogue(suite);
    }

    @Test
    void aRequestIsOneTraceFromTheApiThroughKafkaIntoTheConsumer() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String traceId = hex.formatHex(id);
        String traceparent = "00-" + traceId + "-" + hex.formatHex(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }) + "-01";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(suite.request.baseUrl() + "/api/v1/requests"))
                .header("Authorization", "Bearer " + Tokens.employee("emp-trace-" + UUID.randomUUID()))
                .header("Content-Type", "application/json").header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(Flow.submission("Followed by its trace"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<OtlpCollector.Span> trace = List.of();
        while (Instant.now().isBefore(deadline)) {
            trace = Suite.TRACES.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
            if (trace.stream().anyMatch(s -> s.service().equals("feedback-service")
                    && s.name().equals("hr.request.submitted process"))) {
                break;
            }
            Thread.sleep(200);
        }
        Set<String> requestSpans = trace.stream().filter(s -> s.service().equals("request-service"))
                .map(OtlpCollector.Span::spanId).collect(Collectors.toSet());
        OtlpCollector.Span consumed = trace.stream().filter(s -> s.service().equals("feedback-service")
                && s.name().equals("hr.request.submitted process")).findFirst()
                .orElseThrow(() -> new AssertionError("no feedback-service span in the trace: " + Suite.TRACES.spans().size()
                        + " spans collected; request-service's log ends:\n" + KafkaBroker.tail(suite.request.log())));
        System.out.printf("[hrloop-system] trace %s: %d spans in request-service, %d in feedback-service%n", traceId,
                requestSpans.size(), trace.stream().filter(s -> s.service().equals("feedback-service")).count());
        assertTrue(requestSpans.contains(consumed.parentSpanId()),
                "the consumer's span is a child of request-service's span that wrote the event");
        // Applied alone, the event's transaction runs in its span: the statements are its children. Applied in a
        // batch with others, the transaction's statements belong to the batch's span, which links to this event's
        // producer, and the event's span links to it.
        Instant exported = Instant.now().plus(Duration.ofSeconds(10));
        boolean databaseWork = false;
        while (!databaseWork && Instant.now().isBefore(exported)) {
            List<OtlpCollector.Span> all = Suite.TRACES.spans();
            databaseWork = all.stream().anyMatch(s -> s.service().equals("feedback-service") && !s.equals(consumed)
                    && (s.parentSpanId().equals(consumed.spanId()) || (consumed.linkedSpanIds().contains(s.parentSpanId())
                            && all.stream().anyMatch(b -> b.spanId().equals(s.parentSpanId())
                                    && b.linkedSpanIds().contains(consumed.parentSpanId())))));
            Thread.sleep(200);
        }
        assertTrue(databaseWork, "the consumer's database work belongs to the trace, or to the batch span its span links to");
    }
}
