package io.hrloop.feedback.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.hrloop.common.contract.Theme;

/**
 * The counts behind insights, kept per period (day, ISO week starting Monday, calendar month; UTC) and
 * per dimension (everything, request type, team). A response adds to the rows of its day, week and
 * month for each dimension it belongs to; feedback on a confidential request type is never counted
 * under its type, only under its team and overall. It also adds to its week's {@link Publication.Cell}
 * (team and request type, all confidential types of a team as one), the unit insights publish.
 */
public final class Rollups {

    public enum Grain {
        DAY, WEEK, MONTH;

        public LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        public LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }

    public enum Dimension {
        ALL, TYPE, TEAM,
        /** (team, request type) per ISO week only: see {@link Publication}. */
        CELL
    }

    public record Key(Grain grain, LocalDate periodStart, Dimension dimension, String dimensionKey) {
    }

    /** The one order in which rows are written (so that concurrent writers lock them alike). */
    public static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::grain).thenComparing(Key::dimension)
            .thenComparing(Key::periodStart).thenComparing(Key::dimensionKey);

    /** Additive counts; every field sums across rows. */
    public record Counts(long responses, long surveyResponses, long invitations, long csatCount, long csatSatisfied,
            long csatSum, long npsCount, long npsPromoters, long npsDetractors, long cesCount, long cesSum,
            long sentimentCount, double sentimentSum, long sentimentNegative, long sentimentNeutral,
            long sentimentPositive, long frustrated, long[] themes) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0, new long[Theme.values().length]);

        public Counts plus(Counts o) {
            long[] t = new long[themes.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = themes[i] + o.themes[i];
            }
            return new Counts(responses + o.responses, surveyResponses + o.surveyResponses, invitations + o.invitations,
                    csatCount + o.csatCount, csatSatisfied + o.csatSatisfied, csatSum + o.csatSum, npsCount + o.npsCount,
                    npsPromoters + o.npsPromoters, npsDetractors + o.npsDetractors, cesCount + o.cesCount, cesSum + o.cesSum,
                    sentimentCount + o.sentimentCount, sentimentSum + o.sentimentSum, sentimentNegative + o.sentimentNegative,
                    sentimentNeutral + o.sentimentNeutral, sentimentPositive + o.sentimentPositive, frustrated + o.frustrated, t);
        }

        /** The same counts taken away (a response moved to another period, in tests and repairs). */
        public Counts negated() {
            long[] t = new long[themes.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = -themes[i];
            }
            return new Counts(-responses, -surveyResponses, -invitations, -csatCount, -csatSatisfied, -csatSum, -npsCount,
                    -npsPromoters, -npsDetractors, -cesCount, -cesSum, -sentimentCount, -sentimentSum, -sentimentNegative,
                    -sentimentNeutral, -sentimentPositive, -frustrated, t);
        }

        public long theme(Theme theme) {
            return themes[theme.ordinal()];
        }
    }

    public record Delta(Key key, Counts counts) {
    }

    private Rollups() {
    }

    /** What one response adds. */
    public static Counts ofResponse(boolean survey, Integer csat, Integer ces, Integer nps, Double sentiment,
            boolean frustrated, Set<Theme> themes) {
        long[] t = new long[Theme.values().length];
        themes.forEach(theme -> t[theme.ordinal()] = 1);
        SentimentClass c = sentiment == null ? null : TextAnalyser.classify(sentiment);
        return new Counts(1, survey ? 1 : 0, 0,
                csat == null ? 0 : 1, csat != null && csat >= 4 ? 1 : 0, csat == null ? 0 : csat,
                nps == null ? 0 : 1, nps != null && nps >= 9 ? 1 : 0, nps != null && nps <= 6 ? 1 : 0,
                ces == null ? 0 : 1, ces == null ? 0 : ces,
                sentiment == null ? 0 : 1, sentiment == null ? 0.0 : sentiment,
                c == SentimentClass.NEGATIVE ? 1 : 0, c == SentimentClass.NEUTRAL ? 1 : 0, c == SentimentClass.POSITIVE ? 1 : 0,
                frustrated ? 1 : 0, t);
    }

    /** The rows one piece of feedback adds to, once it is in sight (signed at once, anonymous at its release). */
    public static List<Delta> ofFeedback(Feedback f) {
        return deltas(f.receivedOn, f.requestType, f.team, f.confidential, ofResponse(f.source == FeedbackSource.SURVEY,
                f.csat, f.ces, f.nps, f.sentiment, f.frustrated, f.themes()));
    }

    /** An invitation issued (+1) or withdrawn (-1). */
    public static Counts ofInvitation(int change) {
        return new Counts(0, 0, change, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0, new long[Theme.values().length]);
    }

    /** The rows {@code counts} goes to, in one fixed order (so concurrent writers lock rows alike). */
    public static List<Delta> deltas(LocalDate day, String requestType, String team, boolean confidential, Counts counts) {
        List<Delta> deltas = new ArrayList<>();
        for (Grain grain : Grain.values()) {
            LocalDate start = grain.start(day);
            deltas.add(new Delta(new Key(grain, start, Dimension.ALL, ""), counts));
            if (requestType != null && !confidential) {
                deltas.add(new Delta(new Key(grain, start, Dimension.TYPE, requestType), counts));
            }
            if (team != null) {
                deltas.add(new Delta(new Key(grain, start, Dimension.TEAM, team), counts));
            }
        }
        deltas.add(new Delta(new Key(Grain.WEEK, Grain.WEEK.start(day), Dimension.CELL,
                new Publication.Cell(team, requestType, confidential).key()), counts));
        deltas.sort(Comparator.comparing(Delta::key, KEY_ORDER));
        return deltas;
    }
}
