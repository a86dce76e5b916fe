package io.hrloop.common.mail;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders a mail from a sending service's Qute templates, in the person's language when there is a file for it,
 * in English otherwise. A mail {@code name} is two files per language under {@code templates/mail/}:
 * {@code name.txt} and {@code name.html} (English), {@code name_de.txt} and {@code name_de.html} (German), and so
 * on. The plain-text file begins with the subject line ({@code Subject: ...}) and a blank line.
 */
@ApplicationScoped
public class MailTemplates {

    public static final String DEFAULT_LANGUAGE = "en";
    private static final String SUBJECT = "Subject:";

    private final Engine engine;

    public MailTemplates(Engine engine) {
        this.engine = engine;
    }

    /** Who receives a mail: their person id (for erasure), address, and language (a BCP 47 tag or null). */
    public record Recipient(String personId, String address, String locale) {
    }

    /** The mail {@code name} for {@code to}, with {@code data} in both templates (plus {@code lang}). */
    public OutgoingMail render(String name, Recipient to, Map<String, Object> data) {
        String language = language(name, to.locale());
        String suffix = DEFAULT_LANGUAGE.equals(language) ? "" : "_" + language;
        Template text = require("mail/" + name + suffix + ".txt");
        Template html = require("mail/" + name + suffix + ".html");
        String plain = fill(text, data, language);
        String rendered = fill(html, data, language);
        int end = plain.indexOf('\n');
        String first = end < 0 ? plain : plain.substring(0, end);
        if (!first.startsWith(SUBJECT)) {
            throw new IllegalStateException("mail template " + name + suffix + ".txt must begin with '" + SUBJECT + " ...'");
        }
        String body = end < 0 ? "" : plain.substring(end + 1).stripLeading();
        return new OutgoingMail(to.personId(), to.address(), name, language, first.substring(SUBJECT.length()).strip(),
                body, rendered);
    }

    /** The language of {@code locale} when both files of {@code name} exist in it, English otherwise. */
    public String language(String name, String locale) {
        if (locale == null || locale.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        String language = Locale.forLanguageTag(locale.strip().replace('_', '-')).getLanguage();
        if (language.isEmpty() || DEFAULT_LANGUAGE.equals(language)) {
            return DEFAULT_LANGUAGE;
        }
        boolean present = engine.getTemplate("mail/" + name + "_" + language + ".txt") != null
                && engine.getTemplate("mail/" + name + "_" + language + ".html") != null;
        return present ? language : DEFAULT_LANGUAGE;
    }

    private static String fill(Template template, Map<String, Object> data, String language) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.data("lang", language).render();
    }

    private Template require(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("mail template " + id + " is missing");
        }
        return template;
    }
}
