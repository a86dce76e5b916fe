package io.hrloop.improvement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Scores of an area over a period: CSAT % = share of CSAT 4–5 among answers with a CSAT, average CSAT,
 * NPS = % promoters (9–10) − % detractors (0–6) among answers with an NPS, and the counts behind them.
 * A figure without any answer behind it is null, never 0. Small-number protection ({@link #suppressBelow}): a
 * figure resting on fewer answers than the minimum is null too, and {@code suppressed} says so.
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AreaScores", description = "Figures resting on "
        + "fewer answers than hrloop.improvement.verification.min-responses are null and suppressed is true")
public record VerificationStats(int responses, int csatResponses, Double csatPercent, Double averageCsat,
        int npsResponses, Double nps, boolean suppressed) {

    public record Scores(Integer csat, Integer nps) {
    }

    public static VerificationStats of(Collection<Scores> scores) {
        int csatCount = 0;
        int satisfied = 0;
        int csatSum = 0;
        int npsCount = 0;
        int promoters = 0;
        int detractors = 0;
        for (Scores s : scores) {
            if (s.csat() != null) {
                csatCount++;
                csatSum += s.csat();
                if (s.csat() >= 4) {
                    satisfied++;
                }
            }
            if (s.nps() != null) {
                npsCount++;
                if (s.nps() >= 9) {
                    promoters++;
                } else if (s.nps() <= 6) {
                    detractors++;
                }
            }
        }
        return new VerificationStats(scores.size(), csatCount,
                csatCount == 0 ? null : round(100.0 * satisfied / csatCount, 1),
                csatCount == 0 ? null : round((double) csatSum / csatCount, 2),
                npsCount,
                npsCount == 0 ? null : round(100.0 * (promoters - detractors) / npsCount, 1), false);
    }

    /**
     * The figures a group of this size may show: CSAT % and average only with at least {@code min} CSAT answers,
     * NPS only with at least {@code min} NPS answers; the counts stay (they say how much more is needed).
     */
    public VerificationStats suppressBelow(int min) {
        boolean csatHidden = csatResponses > 0 && csatResponses < min;
        boolean npsHidden = npsResponses > 0 && npsResponses < min;
        return new VerificationStats(responses, csatResponses, csatHidden ? null : csatPercent,
                csatHidden ? null : averageCsat, npsResponses, npsHidden ? null : nps,
                suppressed || csatHidden || npsHidden);
    }

    private static double round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
