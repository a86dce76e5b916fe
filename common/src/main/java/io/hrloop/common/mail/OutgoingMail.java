package io.hrloop.common.mail;

/**
 * A rendered mail for one person: what the relay sends, word for word. {@code personId} is whom it is about
 * (erasure removes their pending mail); {@code kind} names the template it came from.
 */
public record OutgoingMail(String personId, String to, String kind, String language, String subject, String text,
        String html) {
}
