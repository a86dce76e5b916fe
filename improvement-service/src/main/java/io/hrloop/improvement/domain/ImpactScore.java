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
 * distinctPeople = signedPeople + ceil(log2(1 + anonymousPieces))
 * impact   = (S + anonymousWeight × A × log2(1 + n) / n) × (1 + ln(max(1, distinctPeople)))
 * priority = impact / effort (person-days), or null while the effort is not estimated
 * </pre>
 *
 * where S = Σ over signed feedback and breaches of severity(e) × decay(e), A = the same sum over the n pieces of
 * anonymous feedback, and decay(e) = 0.5^(ageDays(e) / halfLifeDays).
 *
 * <ul>
 * <li>severity(feedback) = max(csatPart, npsPart, sentimentPart) + 0.5 if frustrated, where
 * csatPart = (5 − csat) / 2 (CSAT 1 → 2.0, CSAT 2 → 1.5, … CSAT 5 → 0), npsPart = (7 − nps) / 3.5 for a detractor
 * (NPS 0 → 2.0, NPS 6 → 0.29) and 0 otherwise, sentimentPart = −2 × sentiment when negative (−1 → 2.0);
 * a missing score contributes 0. So one piece of feedback weighs at most 2.5.</li>
 * <li>severity(breach) = a fixed weight (default 1.0): a missed target is as bad as a CSAT 3.</li>
 * <li>ageDays counts from the day the feedback was given or the breach happened (a day after today counts as
 * today), so that old evidence fades (half of its weight every half-life, default 30 days).</li>
 * <li>Anonymous feedback cannot be told apart by person, so one person could send it many times: n anonymous
 * pieces count as ceil(log2(1 + n)) people (1 → 1, 3 → 2, 7 → 3, 64 → 7) and weigh, together,
 * anonymousWeight (default 0.5) × their mean severity × log2(1 + n), instead of n pieces in full. Signed
 * people count one each however often they complain.</li>
 * <li>The people factor rewards breadth: ten people with one complaint each outweigh one person with ten.</li>
 * </ul>
 * Scores are rounded to two decimals.
 */
public final class ImpactScore {

    /** What the formula needs of one piece of evidence. */
    public record Facts(EvidenceKind kind, Integer csat, Integer nps, Double sentiment, boolean frustrated,
            LocalDate occurredOn, boolean anonymous) {

        /** Signed feedback or a breach. */
        public Facts(EvidenceKind kind, Integer csat, Integer nps, Double sentiment, boolean frustrated,
                LocalDate occurredOn) {
            this(kind, csat, nps, sentiment, frustrated, occurredOn, false);
        }
    }

    /** The tunable parts of the formula (hrloop.improvement.impact.*). */
    public record Weights(double halfLifeDays, double breachWeight, double anonymousWeight) {

        public static final Weights DEFAULT = new Weights(30, 1.0, 0.5);
    }

    /**
     * The decayed severity sums of an item's evidence as of one day: S (signed and breaches), A (anonymous) and n.
     * Adding a piece or aging the sums costs O(1), so an item's score never needs its evidence rows again.
     */
    public record Sums(double signed, double anonymous, int anonymousPieces, LocalDate asOf) {

        public static final Sums EMPTY = new Sums(0, 0, 0, null);

        /** The sums as of {@code day} (later than asOf: decayed; earlier: unchanged). */
        public Sums at(LocalDate day, Weights weights) {
            if (asOf == null) {
                return new Sums(signed, anonymous, anonymousPieces, day);
            }
            if (!day.isAfter(asOf)) {
                return this;
            }
            double factor = decay(asOf, day, weights.halfLifeDays());
            return new Sums(signed * factor, anonymous * factor, anonymousPieces, day);
        }

        /** With one more piece of evidence; {@code today} bounds its day (a future date counts as today). */
        public Sums add(Facts e, LocalDate today, Weights weights) {
            LocalDate day = e.occurredOn().isAfter(today) ? today : e.occurredOn();
            Sums base = asOf == null || asOf.isBefore(day) ? at(day, weights) : this;
            double weight = severity(e, weights.breachWeight()) * decay(day, base.asOf(), weights.halfLifeDays());
            return e.anonymous()
                    ? new Sums(base.signed(), base.anonymous() + weight, base.anonymousPieces() + 1, base.asOf())
                    : new Sums(base.signed() + weight, base.anonymous(), base.anonymousPieces(), base.asOf());
        }

        /** Both items' evidence together (a merge). */
        public Sums plus(Sums other, Weights weights) {
            if (other.asOf() == null) {
                return new Sums(signed, anonymous, anonymousPieces + other.anonymousPieces(), asOf);
            }
            LocalDate day = asOf == null || other.asOf().isAfter(asOf) ? other.asOf() : asOf;
            Sums a = at(day, weights);
            Sums b = other.at(day, weights);
            return new Sums(a.signed() + b.signed(), a.anonymous() + b.anonymous(),
                    a.anonymousPieces() + b.anonymousPieces(), day);
        }

        public static Sums of(Collection<Facts> evidence, LocalDate today, Weights weights) {
            Sums sums = EMPTY;
            for (Facts e : evidence) {
                sums = sums.add(e, today, weights);
            }
            return sums;
        }
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

    /** Signed people one each, n anonymous pieces as ceil(log2(1 + n)) people. */
    public static int distinctPeople(int signedPeople, int anonymousPieces) {
        return signedPeople + anonymousPeople(anonymousPieces);
    }

    static int anonymousPeople(int pieces) {
        return pieces <= 0 ? 0 : (int) Math.ceil(log2(1 + pieces) - 1e-9);
    }

    /** The impact today of evidence summed in {@code sums}, with {@code signedPeople} distinct signed people. */
    public static double impact(Sums sums, int signedPeople, LocalDate today, Weights weights) {
        Sums now = sums.at(today, weights);
        int n = now.anonymousPieces();
        double anonymous = n == 0 ? 0 : weights.anonymousWeight() * now.anonymous() * log2(1 + n) / n;
        double peopleFactor = 1 + Math.log(Math.max(1, distinctPeople(signedPeople, n)));
        return round((now.signed() + anonymous) * peopleFactor);
    }

    public static double impact(Collection<Facts> evidence, int signedPeople, LocalDate today, Weights weights) {
        return impact(Sums.of(evidence, today, weights), signedPeople, today, weights);
    }

    /** impact ÷ effort; null while no effort is estimated, so an unestimated item is never ranked by a guess. */
    public static Double priority(double impact, BigDecimal effort) {
        if (effort == null || effort.signum() <= 0) {
            return null;
        }
        return round(impact / effort.doubleValue());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
