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
import io.hrloop.improvement.domain.ShareTest;
import io.hrloop.improvement.domain.VerificationStats;

/**
 * Before and after: the area's feedback (from this service's own projection of hr.feedback.received) in the
 * window before the implementation day and from that day on. Days, not instants, because anonymous feedback
 * carries only its date; the implementation day itself counts as "since". A non-confidential item counts only
 * non-confidential feedback; a confidential one (er-specialists only) all of its area's.
 *
 * <p>Small-number protection: a figure about a group (CSAT %, average CSAT, NPS) of either side is shown only when
 * that side has at least {@code min-responses} answers behind it, else it is null and the side says
 * {@code suppressed}; changes need both sides shown. The verdict needs {@code min-answers-after} CSAT answers since
 * (else INSUFFICIENT_DATA) and {@code min-answers-before} before (else NO_BASELINE), each at least
 * {@code min-responses}; then the two-proportion z-test on the share of CSAT 4–5 ({@link ShareTest}) says BETTER,
 * WORSE or INCONCLUSIVE at the configured confidence. Callers outside HR read only the verdict: no figures, no
 * counts, no test.
 */
@ApplicationScoped
public class VerificationService {

    public enum Verdict {
        /** Fewer CSAT answers since implementation than needed to judge. */
        INSUFFICIENT_DATA,
        /** Enough answers since, but too few before to compare with. */
        NO_BASELINE,
        /** The share of CSAT 4–5 rose, and the z-test says so at the configured confidence. */
        BETTER,
        /** The share fell, at the configured confidence. */
        WORSE,
        /** Enough answers on both sides, but the change is within chance at the configured confidence. */
        INCONCLUSIVE;

        /** Whether the verdict alone allows VERIFIED (anything else needs a lead's override). */
        public boolean verifies() {
            return this == BETTER;
        }
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "VerificationReport", description = "The area's "
            + "feedback before (beforeFrom..beforeTo) and since (sinceFrom..sinceTo) implementation, by day; "
            + "sufficient = enough CSAT answers since (minAnswersAfter), baseline = enough before (minAnswersBefore); "
            + "test = the two-proportion z-test on the share of CSAT 4–5 (null unless both sides have enough); "
            + "verdict BETTER, WORSE or INCONCLUSIVE at the stated confidence, or INSUFFICIENT_DATA / NO_BASELINE; "
            + "figures on fewer answers than minResponses are null (suppressed); callers outside HR get the verdict "
            + "only (before, since, test and the changes null)")
    public record Report(UUID improvementId, String area, OffsetDateTime implementedAt, LocalDate beforeFrom,
            LocalDate beforeTo, LocalDate sinceFrom, LocalDate sinceTo, VerificationStats before,
            VerificationStats since, Double csatPercentChange, Double averageCsatChange, Double npsChange,
            int minResponses, int minAnswersBefore, int minAnswersAfter, boolean sufficient, boolean baseline,
            boolean suppressed, double confidence, ShareTest test, Verdict verdict) {

        /** What a caller outside HR reads: the verdict, no figure about the group. */
        public Report verdictOnly() {
            return new Report(improvementId, area, implementedAt, beforeFrom, beforeTo, sinceFrom, sinceTo, null,
                    null, null, null, null, minResponses, minAnswersBefore, minAnswersAfter, sufficient, baseline,
                    suppressed, confidence, null, verdict);
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
        ImprovementConfig.Verification settings = config.verification();
        int window = settings.windowDays();
        LocalDate implemented = item.implementedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate today = times.today();
        LocalDate beforeFrom = implemented.minusDays(window);
        LocalDate beforeTo = implemented.minusDays(1);
        LocalDate sinceTo = implemented.plusDays(window - 1L);
        if (sinceTo.isAfter(today)) {
            sinceTo = today.isBefore(implemented) ? implemented : today;
        }
        int min = settings.minResponses();
        int minBefore = Math.max(min, settings.minAnswersBefore());
        int minAfter = Math.max(min, settings.minAnswersAfter());
        List<VerificationStats.Scores> beforeScores = scores(item, beforeFrom, beforeTo);
        List<VerificationStats.Scores> sinceScores = scores(item, implemented, sinceTo);
        VerificationStats before = VerificationStats.of(beforeScores).suppressBelow(min);
        VerificationStats since = VerificationStats.of(sinceScores).suppressBelow(min);
        boolean sufficient = since.csatResponses() >= minAfter;
        boolean baseline = before.csatResponses() >= minBefore;
        ShareTest test = sufficient && baseline ? ShareTest.of(satisfied(beforeScores), before.csatResponses(),
                satisfied(sinceScores), since.csatResponses(), settings.confidence()) : null;
        Verdict verdict = !sufficient ? Verdict.INSUFFICIENT_DATA : !baseline ? Verdict.NO_BASELINE
                : Verdict.valueOf(test.outcome().name());
        return new Report(item.id, item.area, item.implementedAt, beforeFrom, beforeTo, implemented, sinceTo, before,
                since, change(before.csatPercent(), since.csatPercent()),
                change(before.averageCsat(), since.averageCsat()), change(before.nps(), since.nps()), min, minBefore,
                minAfter, sufficient, baseline, before.suppressed() || since.suppressed(), settings.confidence(), test,
                verdict);
    }

    private static int satisfied(List<VerificationStats.Scores> scores) {
        return (int) scores.stream().filter(s -> s.csat() != null && s.csat() >= 4).count();
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
