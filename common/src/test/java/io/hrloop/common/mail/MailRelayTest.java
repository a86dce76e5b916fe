package io.hrloop.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.common.support.Backbone;
import io.hrloop.testsupport.Mailbox;
import io.hrloop.testsupport.Management;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The mail outbox over the real SMTP server of the test JVM: a mail goes when its transaction commits and never
 * otherwise; a frozen server delays mail without losing or doubling any; a server that is gone makes a mail wait
 * with backoff until it is parked, counted and kept.
 */
@QuarkusTest
@TestProfile(MailRelayTest.QuickRetries.class)
@WithTestResource(RealInfrastructureResource.class)
class MailRelayTest {

    public static class QuickRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hrloop.mail.relay.send-timeout", "2s", "hrloop.mail.relay.backoff", "200ms",
                    "hrloop.mail.relay.max-backoff", "1s", "hrloop.mail.relay.max-attempts", "4",
                    "hrloop.metrics.backbone-interval", "1s");
        }
    }

    @Inject
    MailOutbox outbox;

    @Test
    void aMailGoesOnceWhenItsTransactionCommitsAndNeverWhenItRollsBack() {
        String to = "commit-" + UUID.randomUUID() + "@hrloop.test";
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(mail(to, "kept")));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue(mail(to, "rolled back"));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the mail goes with it
        }
        List<Mailbox.Message> received = Mailbox.of(to).await(1, Duration.ofSeconds(30));
        Backbone.await(Duration.ofSeconds(10), "the outbox to drain", () -> waiting(to) == 0);
        pause(1_000);
        received = Mailbox.of(to).messages();
        assertEquals(List.of("kept"), received.stream().map(Mailbox.Message::subject).toList());
        Mailbox.Message message = received.getFirst();
        assertTrue(message.text().contains("Plain text for kept"), message.text());
        assertTrue(message.html().contains("<p>HTML for kept</p>"), message.html());
        assertEquals("en", message.contentLanguage());
        assertTrue(message.messageId().startsWith("<mail-"), message.messageId());
    }

    @Test
    void aFrozenServerDelaysMailButLosesAndDoublesNone() {
        String to = "frozen-" + UUID.randomUUID() + "@hrloop.test";
        var server = TestInfrastructure.get().mail();
        server.pause();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 1; i <= 3; i++) {
                    outbox.enqueue(mail(to, "frozen " + i));
                }
            });
            // Longer than the send timeout: the relay has met the silence and holds the mail in doubt.
            pause(5_000);
            assertEquals(3, waiting(to), "nothing is lost while the server is frozen");
        } finally {
            server.resume();
        }
        List<Mailbox.Message> received = Mailbox.of(to).await(3, Duration.ofSeconds(60));
        Backbone.await(Duration.ofSeconds(30), "the outbox to drain", () -> waiting(to) == 0);
        pause(2_000);
        received = Mailbox.of(to).messages();
        assertEquals(List.of("frozen 1", "frozen 2", "frozen 3"),
                received.stream().map(Mailbox.Message::subject).sorted().toList(), "each mail once");
    }

    @Test
    void aServerThatIsGoneMakesMailWaitUntilItIsParkedAndCounted() {
        String to = "gone-" + UUID.randomUUID() + "@hrloop.test";
        var server = TestInfrastructure.get().mail();
        double failuresBefore = metric("hrloop_mail_failures_total");
        server.kill();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(mail(to, "undeliverable")));
            Backbone.await(Duration.ofSeconds(60), "the mail to be parked", () -> Backbone.count(
                    "select count(*) from mail_outbox where recipient = '" + to + "' and parked_at is not null"
                            + " and attempts = 4") == 1);
            Backbone.await(Duration.ofSeconds(10), "the parked gauge", () -> metric("hrloop_mail_parked") >= 1);
            assertTrue(metric("hrloop_mail_failures_total") >= failuresBefore + 4);
        } finally {
            server.start();
            QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                    .createNativeQuery("delete from mail_outbox where recipient = ?1").setParameter(1, to)
                    .executeUpdate());
        }
        assertEquals(List.of(), Mailbox.of(to).messages(), "a parked mail is not sent");
    }

    private static OutgoingMail mail(String to, String subject) {
        return new OutgoingMail("person-" + to, to, "probe", "en", subject, "Plain text for " + subject,
                "<p>HTML for " + subject + "</p>");
    }

    private static long waiting(String to) {
        return Backbone.count("select count(*) from mail_outbox where recipient = '" + to + "'");
    }

    private static double metric(String name) {
        return Management.metric(name);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
