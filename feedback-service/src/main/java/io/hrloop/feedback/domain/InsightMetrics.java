package io.hrloop.feedback.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.hrloop.common.contract.Theme;

/**
 * The figures of a group of responses, with small-group suppression: a group with fewer than
 * {@code minResponses} responses shows nothing but that it is suppressed, and a figure resting on fewer
 * answers than that (say, three NPS answers among twenty responses) is left out on its own.
 *
 * <ul>
 * <li>CSAT % = share of CSAT answers that are 4 or 5, in percent</li>
 * <li>NPS = % promoters (9–10) − % detractors (0–6)</li>
 * <li>average effort = mean CES (1 very easy … 7 very hard)</li>
 * <li>response rate = survey responses ÷ invitations issued in the same period (withdrawn ones excluded)</li>
 * <li>sentiment = mean score and the share of negative / neutral / positive comments</li>
 * </ul>
 */
public record InsightMetrics(boolean suppressed, Long responses, Double csatPercent, Double nps, Double averageEffort,
        Double responseRate, Long invitations, Sentiment sentiment, Double frustratedShare, List<ThemeCount> topThemes) {

    public record Sentiment(Double average, Double negative, Double neutral, Double positive) {
    }

    public record ThemeCount(Theme theme, long count, double share) {
    }

    public static InsightMetrics of(Rollups.Counts c, int minResponses, int topThemes) {
        if (c.responses() < minResponses) {
            return new InsightMetrics(true, null, null, null, null, null, null, null, null, List.of());
        }
        Double csat = c.csatCount() >= minResponses ? round(100.0 * c.csatSatisfied() / c.csatCount()) : null;
        Double nps = c.npsCount() >= minResponses ? round(100.0 * (c.npsPromoters() - c.npsDetractors()) / c.npsCount()) : null;
        Double effort = c.cesCount() >= minResponses ? round((double) c.cesSum() / c.cesCount()) : null;
        Double rate = c.invitations() > 0 && c.surveyResponses() >= minResponses
                ? round(Math.min(1.0, (double) c.surveyResponses() / c.invitations()))
                : null;
        Sentiment sentiment = c.sentimentCount() >= minResponses
                ? new Sentiment(round(c.sentimentSum() / c.sentimentCount()), share(c.sentimentNegative(), c.sentimentCount()),
                        share(c.sentimentNeutral(), c.sentimentCount()), share(c.sentimentPositive(), c.sentimentCount()))
                : null;
        List<ThemeCount> themes = Arrays.stream(Theme.values()).filter(t -> c.theme(t) > 0)
                .sorted(Comparator.comparingLong((Theme t) -> -c.theme(t)).thenComparing(Theme::ordinal))
                .limit(topThemes).map(t -> new ThemeCount(t, c.theme(t), share(c.theme(t), c.responses()))).toList();
        return new InsightMetrics(false, c.responses(), csat, nps, effort, rate, c.invitations(), sentiment,
                share(c.frustrated(), c.responses()), themes);
    }

    private static double share(long part, long whole) {
        return round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
