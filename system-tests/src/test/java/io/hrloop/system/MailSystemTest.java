package io.hrloop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.infra.MailServer;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Mailbox;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;

/**
 * Mail over the deployed services and the real mail server (GreenMail in its own JVM, read back over IMAP): a
 * resolved request mails its requester one survey invitation, whose link opens feedback-service's answer page, and
 * answering there stores the response. The same hr.request.resolved delivered again mails nobody twice, and while the
 * SMTP server is down the mail waits in the outbox and goes once the server is back.
 */
class MailSystemTest {

    private static final String TYPE = "mail-query-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "payroll";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(http://\\S+/answer/[A-Za-z0-9_-]{43})");
    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Catalogue.ensureRequestType(suite.request.baseUrl(), TYPE, TEAM, 1.0);
    }

    @Test
    void aResolvedRequestMailsTheRequesterOnceAndTheLinkInTheMailStoresTheAnswer() throws Exception {
        String person = "emp-mail-" + UUID.randomUUID();
        String address = person + "@hrloop.local";
        ConsumerRecord<String, String> resolved;
        String id;
        try (EventProbe requests = EventProbe.at("hr.requests")) {
            id = resolve(person, address);
            String requestId = id;
            requests.await(1, WAIT, EventProbe.ofType("hr.request.resolved")
                    .and(e -> requestId.equals(e.path("data").path("requestId").asText())));
            resolved = requests.records().stream()
                    .filter(r -> r.value().contains("\"hr.request.resolved\"") && r.value().contains(requestId))
                    .findFirst().orElseThrow();
        }

        Mailbox mailbox = Mailbox.of(address);
        Mailbox.Message mail = mailbox.await(1, WAIT).getFirst();
        assertTrue(mail.subject().startsWith("How did we do with HR-"), mail.subject());
        assertFalse(mail.text().contains("Overtime missing") || mail.html().contains("Overtime missing"),
                "the request's own words stay out of the mail");
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        String url = link.group(1);
        assertTrue(url.startsWith(suite.feedback.baseUrl() + "/answer/"), url);

        // The same event delivered again (as after a consumer crash before its offset was committed): no second mail.
        RecordMetadata again = redeliver(resolved);
        awaitConsumed("feedback-service", again);
        Flow.sleep(2_000); // the relay looks for due mail every 500 ms
        assertEquals(1, mailbox.messages().size(), "a redelivered event sends no second mail");
        assertEquals(1, Flow.count("feedback", "select count(*) from survey_invitation where person_id = '" + person + "'"));

        // The link opens the page; answering there stores the response.
        String page = given().when().get(url).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(page.contains("<form method=\"post\"") && page.contains("name=\"viewport\""), page);
        assertFalse(page.contains("<script"), "no JavaScript");
        given().contentType(ContentType.URLENC).formParam("csat", "5").formParam("ces", "2").formParam("nps", "9")
                .formParam("comment", "Clear answer within a day").when().post(url).then().statusCode(200)
                .body(containsString("Thank you for your answer"));
        given().baseUri(suite.feedback.baseUrl()).auth().oauth2(Tokens.employee(person)).get("/api/v1/feedback")
                .then().statusCode(200).body("items[0].csat", equalTo(5)).body("items[0].nps", equalTo(9))
                .body("items[0].comment", equalTo("Clear answer within a day"));
        assertEquals(1, mailbox.messages().size());
        System.out.printf("[hrloop-system] request %s resolved: 1 mail to %s, redelivery sent none, answer stored%n",
                id, address);
    }

    @Test
    void anSmtpOutageDelaysTheMailButLosesNone() throws Exception {
        String person = "emp-outage-" + UUID.randomUUID();
        String address = person + "@hrloop.local";
        MailServer server = TestInfrastructure.get().mail();
        Instant resolvedAt;
        server.kill(); // connections refused, as when the mail host is down
        try {
            resolve(person, address);
            resolvedAt = Instant.now();
            awaitCount("the relay failing on the mail at least twice",
                    "select count(*) from mail_outbox where person_id = '" + person + "' and attempts >= 2");
        } finally {
            server.start();
        }
        Mailbox mailbox = Mailbox.of(address);
        Mailbox.Message mail = mailbox.await(1, WAIT).getFirst();
        Duration delay = Duration.between(resolvedAt, Instant.now());
        assertTrue(mail.subject().startsWith("How did we do with HR-"), mail.subject());
        Flow.sleep(3_000);
        assertEquals(1, mailbox.messages().size(), "sent once after the outage");
        assertEquals(0, Flow.count("feedback", "select count(*) from mail_outbox where person_id = '" + person + "'"),
                "nothing left waiting or parked");
        System.out.printf("[hrloop-system] SMTP outage: the invitation waited, retried, and arrived once %d s after "
                + "the request was resolved%n", delay.toSeconds());
    }

    /** Submits a request for {@code person} (their token carries {@code address}), owns and resolves it; its id. */
    private static String resolve(String person, String address) {
        String agent = Tokens.of("agent-mail", TEAM, "hr-agent");
        String id = given().baseUri(suite.request.baseUrl())
                .auth().oauth2(Tokens.withEmail(person, null, address, null, "employee"))
                .contentType(ContentType.JSON)
                .body(Map.of("type", TYPE, "subject", "Overtime missing from my payslip", "description", "October"))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        given().baseUri(suite.request.baseUrl()).auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("owner", "agent-mail")).post("/api/v1/requests/" + id + "/assignment")
                .then().statusCode(200);
        for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
            given().baseUri(suite.request.baseUrl()).auth().oauth2(agent).contentType(ContentType.JSON)
                    .body(Map.of("status", status)).post("/api/v1/requests/" + id + "/status")
                    .then().statusCode(200);
        }
        return id;
    }

    /** Publishes the record again, byte for byte with its headers: the CloudEvent id is the same. */
    private static RecordMetadata redeliver(ConsumerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    record.headers())).get();
        }
    }

    /** Waits until the service's consumer group has committed past {@code record}: it was read and applied (or skipped). */
    private static void awaitConsumed(String group, RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers()))) {
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .get(partition);
                if (committed != null && committed.offset() > record.offset()) {
                    return;
                }
                Flow.sleep(250);
            }
        }
        throw new AssertionError(group + " did not consume the redelivered event at " + partition + "@" + record.offset());
    }

    private static void awaitCount(String what, String sql) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (Flow.count("feedback", sql) > 0) {
                return;
            }
            Flow.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
