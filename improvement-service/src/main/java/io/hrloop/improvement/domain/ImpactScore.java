package io.hrloop.improvement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The impact of an item, from its evidence:
 *
 * <pre>
 * impact   = (Σ over evidence e of severity(e) × 0.5^(ageDays(e) / halfLifeDays)) × (1 + ln(max(1, distinctPeople)))
 * priority = impact / effort (person-days), or null while the effort is not estimated
 * </pre>
 *
 * <ul>
 * <li>severity(feedback) = max(csatPart, npsPart, sentimentPart) + 0.5 if frustrated, where
 * csatPart = (5 − csat) / 2 (CSAT 1 → 2.0, CSAT 2 → 1.5, … CSAT 5 → 0), npsPart = (7 − nps) / 3.5 for a detractor
 * (NPS 0 → 2.0, NPS 6 → 0.29) and 0 otherwise, sentimentPart = −2 × sentiment when negative (−1 → 2.0);
 * a missing score contributes 0. So one piece of feedback weighs at most 2.5.</li>
 * <li>severity(breach) = a fixed weight (default 1.0): a missed target is as bad as a CSAT 3.</li>
 * <li>ageDays counts from the day the feedback was given or the breach happened, so that old evidence fades
 * (half of its weight every half-life, default 30 days) and the score must be recomputed as time passes.</li>
 * <li>The people factor rewards breadth: ten people with one complaint each outweigh one person with ten.</li>
 * </ul>
 * Scores are rounded to two decimals.
 */
public final class ImpactScore {

    /** What the formula needs of one piece of evidence. */
    public record Facts(EvidenceKind kind, Integer csat, Integer nps, Double sentiment, boolean frustrated,
            LocalDate occurredOn) {
    }

    private ImpactScore() {
    }

    public static double severity(Facts e, double breachWeight) {
        if (e.kind() == EvidenceKind.BREACH) {
            return breachWeight;
        }
        double csatPart = e.csat() == null ? 0 : (5 - e.csat()) / 2.0;
        double npsPart = e.nps() == null || e.nps() > 6 ? 0 : (7 - e.nps()) / 3.5;
        double sentimentPart = e.sentiment() == null || e.sentiment() >= 0 ? 0 : -2 * e.sentiment();
        return Math.max(csatPart, Math.max(npsPart, sentimentPart)) + (e.frustrated() ? 0.5 : 0);
    }

    /** 0.5^(age / halfLife); evidence dated in the future (clock skew) counts as fresh. */
    public static double decay(LocalDate occurredOn, LocalDate today, double halfLifeDays) {
        long age = Math.max(0, ChronoUnit.DAYS.between(occurredOn, today));
        return Math.pow(0.5, age / halfLifeDays);
    }

    public static double impact(Collection<Facts> evidence, int distinctPeople, LocalDate today, double halfLifeDays,
            double breachWeight) {
        double sum = 0;
        for (Facts e : evidence) {
            sum += severity(e, breachWeight) * decay(e.occurredOn(), today, halfLifeDays);
        }
        double peopleFactor = 1 + Math.log(Math.max(1, distinctPeople));
        return round(sum * peopleFactor);
    }

    /** impact ÷ effort; null while no effort is estimated, so an unestimated item is never ranked by a guess. */
    public static Double priority(double impact, BigDecimal effort) {
        if (effort == null || effort.signum() <= 0) {
            return null;
        }
        return round(impact / effort.doubleValue());
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
