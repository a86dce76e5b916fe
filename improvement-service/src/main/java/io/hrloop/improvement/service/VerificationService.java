package io.hrloop.improvement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.config.ImprovementConfig;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.VerificationStats;

/**
 * Before and after: the area's feedback (from this service's own projection of hr.feedback.received) in the
 * window before the implementation day and from that day on. Days, not instants, because anonymous feedback
 * carries only its date; the implementation day itself counts as "since". A non-confidential item counts only
 * non-confidential feedback; a confidential one (er-specialists only) all of its area's.
 *
 * <p>Small-number protection: a figure about a group (CSAT %, average CSAT, NPS) of either side is shown only when
 * that side has at least {@code min-responses} answers behind it, else it is null and the side says
 * {@code suppressed}; changes need both sides shown; the verdict needs that many CSAT answers since (else
 * INSUFFICIENT_DATA) and before (else NO_BASELINE). Callers outside HR read only the verdict: no figures, no counts.
 */
@ApplicationScoped
public class VerificationService {

    public enum Verdict {
        /** Fewer CSAT answers since implementation than needed to judge (and to mark the item VERIFIED). */
        INSUFFICIENT_DATA,
        /** Enough answers since, but none before to compare with. */
        NO_BASELINE,
        IMPROVED,
        UNCHANGED,
        WORSE
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "VerificationReport", description = "The area's "
            + "feedback before (beforeFrom..beforeTo) and since (sinceFrom..sinceTo) implementation, by day; "
            + "sufficient = enough CSAT answers since to mark the item VERIFIED; figures on fewer answers than "
            + "minResponses are null (suppressed); callers outside HR get the verdict only (before, since and the "
            + "changes null)")
    public record Report(UUID improvementId, String area, OffsetDateTime implementedAt, LocalDate beforeFrom,
            LocalDate beforeTo, LocalDate sinceFrom, LocalDate sinceTo, VerificationStats before,
            VerificationStats since, Double csatPercentChange, Double averageCsatChange, Double npsChange,
            int minResponses, boolean sufficient, boolean suppressed, Verdict verdict) {

        /** What a caller outside HR reads: the verdict, no figure about the group. */
        public Report verdictOnly() {
            return new Report(improvementId, area, implementedAt, beforeFrom, beforeTo, sinceFrom, sinceTo, null,
                    null, null, null, null, minResponses, sufficient, suppressed, verdict);
        }
    }

    private final EntityManager entityManager;
    private final ImprovementConfig config;
    private final Times times;

    public VerificationService(EntityManager entityManager, ImprovementConfig config, Times times) {
        this.times = times;
        this.entityManager = entityManager;
        this.config = config;
    }

    public Report report(ImprovementItem item) {
        if (item.implementedAt == null) {
            throw DomainException.conflict("not-implemented",
                    "verification compares feedback before and since implementation; this item is " + item.status);
        }
        int window = config.verification().windowDays();
        LocalDate implemented = item.implementedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate today = times.today();
        LocalDate beforeFrom = implemented.minusDays(window);
        LocalDate beforeTo = implemented.minusDays(1);
        LocalDate sinceTo = implemented.plusDays(window - 1L);
        if (sinceTo.isAfter(today)) {
            sinceTo = today.isBefore(implemented) ? implemented : today;
        }
        int min = config.verification().minResponses();
        VerificationStats before = VerificationStats.of(scores(item, beforeFrom, beforeTo)).suppressBelow(min);
        VerificationStats since = VerificationStats.of(scores(item, implemented, sinceTo)).suppressBelow(min);
        boolean sufficient = since.csatResponses() >= min;
        return new Report(item.id, item.area, item.implementedAt, beforeFrom, beforeTo, implemented, sinceTo, before,
                since, change(before.csatPercent(), since.csatPercent()),
                change(before.averageCsat(), since.averageCsat()), change(before.nps(), since.nps()), min, sufficient,
                before.suppressed() || since.suppressed(), verdict(min, sufficient, before, since));
    }

    private static Verdict verdict(int min, boolean sufficient, VerificationStats before, VerificationStats since) {
        if (!sufficient) {
            return Verdict.INSUFFICIENT_DATA;
        }
        if (before.csatResponses() < min) {
            return Verdict.NO_BASELINE; // a verdict against a handful of answers would tell what they were
        }
        int cmp = Double.compare(since.csatPercent(), before.csatPercent());
        return cmp > 0 ? Verdict.IMPROVED : cmp == 0 ? Verdict.UNCHANGED : Verdict.WORSE;
    }

    private static Double change(Double before, Double since) {
        if (before == null || since == null) {
            return null;
        }
        return Math.round((since - before) * 100) / 100.0;
    }

    private List<VerificationStats.Scores> scores(ImprovementItem item, LocalDate from, LocalDate to) {
        return entityManager.createQuery("select f.csat, f.nps from AreaFeedback f where f.area = :area"
                + " and f.receivedOn between :from and :to" + (item.confidential ? "" : " and f.confidential = false"),
                Object[].class)
                .setParameter("area", item.area).setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(row -> new VerificationStats.Scores((Integer) row[0], (Integer) row[1]))
                .toList();
    }
}
