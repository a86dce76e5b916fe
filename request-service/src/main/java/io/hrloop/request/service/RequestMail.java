package io.hrloop.request.service;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.mail.MailConfig;
import io.hrloop.common.mail.MailOutbox;
import io.hrloop.common.mail.MailTemplates;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.AppealOutcome;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.RequestDecline;
import io.hrloop.request.domain.SlaTarget;
import io.hrloop.request.domain.SlaTimer;
import io.hrloop.request.domain.StaffMember;

/**
 * The mail request-service sends, written to the mail outbox in the transaction of the change: the decline
 * decision to the requester (confirmed, or the appeal decided) and the service-level at-risk alert to the owner
 * (to the team's leads while nobody owns the request). Both are essential: no preference turns them off. A mail
 * about a confidential request carries no free text, no type and no reference: only that there is news and where
 * to read it.
 */
@ApplicationScoped
public class RequestMail {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final MailConfig config;

    public RequestMail(MailOutbox outbox, MailTemplates templates, MailConfig config) {
        this.outbox = outbox;
        this.templates = templates;
        this.config = config;
    }

    /** The requester learns that the decline stands ({@code appeal} null: just confirmed) or how the appeal went. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void declineDecided(HrRequest r, RequestDecline d, AppealOutcome appeal) {
        if (r.requesterEmail == null) {
            return;
        }
        Map<String, Object> data = common(r);
        data.put("decision", appeal == null ? "DECLINED" : appeal.name());
        if (!r.confidential) {
            data.put("reason", d.reason.name());
            data.put("subReason", d.subReason == null ? null : d.subReason.name());
            data.put("policyReference", d.policyReference);
            data.put("explanation", d.explanation);
            data.put("alternative", d.alternative);
        }
        outbox.enqueue(templates.render("decline-decision",
                new MailTemplates.Recipient(r.requester, r.requesterEmail, r.requesterLocale), data));
    }

    /** A running target has used its at-risk share: its owner is told, or the team's leads while nobody owns it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void atRisk(HrRequest r, SlaTarget target, SlaTimer timer) {
        Map<String, Object> data = common(r);
        data.put("target", target == SlaTarget.FIRST_RESPONSE ? "first response" : "resolution");
        data.put("due", timer.dueAt() == null ? null : DUE.format(timer.dueAt().atOffset(ZoneOffset.UTC)));
        data.put("owned", r.owner != null);
        for (StaffMember member : alerted(r)) {
            outbox.enqueue(templates.render("sla-at-risk",
                    new MailTemplates.Recipient(member.personId, member.email, member.locale), data));
        }
    }

    private List<StaffMember> alerted(HrRequest r) {
        if (r.owner != null) {
            StaffMember owner = StaffMember.findById(r.owner);
            return owner != null && owner.active && owner.email != null ? List.of(owner) : List.of();
        }
        List<StaffMember> leads = r.confidential
                ? StaffMember.list("active = true and email is not null and roles like ?1", "%" + Roles.ER_SPECIALIST + "%")
                : StaffMember.list("active = true and email is not null and team = ?1 and roles like ?2", r.team,
                        "%" + Roles.HR_LEAD + "%");
        Set<String> seen = new LinkedHashSet<>();
        return leads.stream().filter(m -> (m.has(Roles.ER_SPECIALIST) || m.has(Roles.HR_LEAD)) && seen.add(m.personId))
                .toList();
    }

    private Map<String, Object> common(HrRequest r) {
        Map<String, Object> data = new HashMap<>();
        data.put("confidential", r.confidential);
        data.put("reference", r.confidential ? null : r.reference);
        data.put("requestType", r.confidential ? null : r.typeKey);
        data.put("portal", config.portalUrl().orElse(null));
        return data;
    }
}
