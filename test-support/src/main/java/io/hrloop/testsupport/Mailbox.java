package io.hrloop.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * One person's mailbox on the test JVM's real mail server, read over IMAP as a mail client would (login: the
 * address, password: the address). A mailbox that has received nothing yet is empty.
 */
public final class Mailbox {

    /** A received mail as its reader sees it. */
    public record Message(String messageId, String from, List<String> to, String subject, String text, String html,
            String contentLanguage) {
    }

    private final String host;
    private final int port;
    private final String address;

    private Mailbox(String host, int port, String address) {
        this.host = host;
        this.port = port;
        this.address = address;
    }

    /** The mailbox of {@code address} on this test JVM's mail server. */
    public static Mailbox of(String address) {
        TestInfrastructure infra = TestInfrastructure.get();
        return new Mailbox(infra.mail().host(), infra.mail().imapPort(), address);
    }

    public static Mailbox at(String host, int imapPort, String address) {
        return new Mailbox(host, imapPort, address);
    }

    /** Everything in the inbox now, oldest first. */
    public List<Message> messages() {
        Properties props = new Properties();
        props.put("mail.imap.host", host);
        props.put("mail.imap.port", Integer.toString(port));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect(host, port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Message> read = new ArrayList<>();
                for (jakarta.mail.Message message : inbox.getMessages()) {
                    read.add(read(message));
                }
                return read;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox of " + address + ": " + e.getMessage(), e);
        }
    }

    /** The messages matching {@code which}, once at least {@code count} are there (or what is there at the deadline). */
    public List<Message> await(int count, Duration timeout, Predicate<Message> which) {
        Instant deadline = Instant.now().plus(timeout);
        List<Message> found = matching(which);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            sleep(250);
            found = matching(which);
        }
        return found;
    }

    public List<Message> await(int count, Duration timeout) {
        return await(count, timeout, m -> true);
    }

    public List<Message> matching(Predicate<Message> which) {
        return messages().stream().filter(which).toList();
    }

    private static Message read(jakarta.mail.Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        String[] language = message.getHeader("Content-Language");
        Address[] from = message.getFrom();
        Address[] to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        collect(message, text, html);
        return new Message(ids == null ? null : ids[0], from == null || from.length == 0 ? null : from[0].toString(),
                to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(), message.getSubject(),
                text.isEmpty() ? null : text.toString(), html.isEmpty() ? null : html.toString(),
                language == null ? null : language[0]);
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
