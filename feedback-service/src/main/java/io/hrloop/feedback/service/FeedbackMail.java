package io.hrloop.feedback.service;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.mail.MailConfig;
import io.hrloop.common.mail.MailOutbox;
import io.hrloop.common.mail.MailTemplates;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.FollowUp;
import io.hrloop.feedback.domain.ImprovementStory;
import io.hrloop.feedback.domain.PersonContact;
import io.hrloop.feedback.domain.SurveyInvitation;

/**
 * The mail feedback-service sends, written to the mail outbox in the transaction of the change (for an event: the
 * transaction of its inbox record, so a redelivered event mails nobody twice). Survey invitations and "you said,
 * we did" are not essential: they go only to people whose preference is ALL. Follow-up assignments are essential.
 * No mail carries a comment or other free text a person wrote; a mail about a confidential follow-up says only that
 * there is one.
 */
@ApplicationScoped
public class FeedbackMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final Contacts contacts;
    private final FeedbackConfig config;
    private final MailConfig mailConfig;

    public FeedbackMail(MailOutbox outbox, MailTemplates templates, Contacts contacts, FeedbackConfig config,
            MailConfig mailConfig) {
        this.outbox = outbox;
        this.templates = templates;
        this.contacts = contacts;
        this.config = config;
        this.mailConfig = mailConfig;
    }

    /** The link of the answer page for an invitation's token. */
    public String answerUrl(String token) {
        String base = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + "/answer/" + token;
    }

    /** The language an invitation's mail to the person of {@code contact} (their entry, null when none) is written in. */
    public String language(PersonContact contact) {
        return contact == null || contact.locale == null ? null : templates.language("survey-invitation", contact.locale);
    }

    /**
     * Mails the invitation when its person has an address and takes non-essential mail; true when it does. {@code entry}
     * is the person's contact entry as the transaction has it (null: none), which the caller has at hand.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean surveyInvitation(SurveyInvitation invitation, PersonContact entry) {
        PersonContact contact = reachable(entry, false);
        if (contact == null) {
            return false;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("reference", invitation.reference);
        data.put("link", answerUrl(invitation.token));
        data.put("expires", DAY.format(invitation.expiresAt));
        return outbox.enqueue(templates.render("survey-invitation", recipient(contact), data));
    }

    /** "You said, we did": an improvement the person's feedback led to is in place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void youSaidWeDid(String personId, ImprovementStory story, int yourFeedback) {
        PersonContact contact = reachable(personId, false);
        if (contact == null) {
            return;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("title", story.title);
        data.put("summary", story.summary);
        data.put("yourFeedback", yourFeedback);
        data.put("portal", mailConfig.portalUrl().orElse(null));
        outbox.enqueue(templates.render("you-said-we-did", recipient(contact), data));
    }

    /** A follow-up waits for the team's leads (essential): each lead with a known address is told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followUpOpened(FollowUp followUp) {
        Map<String, Object> data = new HashMap<>();
        data.put("confidential", followUp.confidential);
        data.put("reference", followUp.confidential ? null : followUp.reference);
        data.put("csat", followUp.confidential ? null : followUp.csat);
        data.put("nps", followUp.confidential ? null : followUp.nps);
        data.put("portal", mailConfig.portalUrl().orElse(null));
        for (PersonContact lead : contacts.leadsOf(followUp.team, followUp.confidential)) {
            outbox.enqueue(templates.render("follow-up-assigned", recipient(lead), data));
        }
    }

    private PersonContact reachable(String personId, boolean essential) {
        return reachable(personId == null ? null : contacts.find(personId), essential);
    }

    private static PersonContact reachable(PersonContact contact, boolean essential) {
        return contact != null && contact.email != null && contact.mail.takes(essential) ? contact : null;
    }

    private static MailTemplates.Recipient recipient(PersonContact contact) {
        return new MailTemplates.Recipient(contact.personId, contact.email, contact.locale);
    }
}
