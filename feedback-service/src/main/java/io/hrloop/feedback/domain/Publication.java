package io.hrloop.feedback.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import io.hrloop.common.contract.Theme;
import io.hrloop.feedback.domain.Rollups.Counts;

/**
 * Small-number protection of insights. The unit of publication is a cell: one team and one request type (all
 * confidential types of a team as one cell, feedback without team or type in cells of their own) in one ISO week
 * (Monday to Sunday, UTC). A cell with fewer than the minimum responses is suppressed and enters no figure at all,
 * and within a publishable cell each measure enters only when it rests on at least the minimum answers itself (a
 * cell of ten responses with two NPS answers adds to the response count but not to NPS). Every published figure
 * is then a sum over publishable cells, whatever the grouping (type, team, week, month) and the range, so the
 * difference of any two published figures is again made of publishable cells only, and nothing of a suppressed
 * cell can be recovered by subtracting totals, groupings or ranges. Ranges snap outward to whole ISO weeks; a
 * month holds the ISO weeks whose Thursday falls in it.
 */
public final class Publication {

    private Publication() {
    }

    /** A cell's team and request type; {@code confidential} folds all confidential types of a team into one cell. */
    public record Cell(String team, String type, boolean confidential) {

        private static final char SEPARATOR = '\u001f';
        private static final String CONFIDENTIAL = SEPARATOR + "confidential";

        public Cell {
            team = team == null || team.isEmpty() ? null : team;
            type = confidential || type == null || type.isEmpty() ? null : type;
        }

        /** The rollup key: team, a unit separator, then the type (or the confidential marker). */
        public String key() {
            return (team == null ? "" : team) + SEPARATOR + (confidential ? CONFIDENTIAL : type == null ? "" : type);
        }

        public static Cell parse(String key) {
            int at = key.indexOf(SEPARATOR);
            if (at < 0) {
                throw new IllegalArgumentException("not a cell key");
            }
            String rest = key.substring(at + 1);
            boolean confidential = rest.equals(CONFIDENTIAL);
            return new Cell(key.substring(0, at), confidential ? null : rest, confidential);
        }
    }

    /** The Monday that starts the ISO week of {@code day}. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The Sunday that ends the ISO week of {@code day}. */
    public static LocalDate weekEnd(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /** The first day of the month an ISO week belongs to: the month of its Thursday. */
    public static LocalDate monthOf(LocalDate weekStart) {
        return weekStart(weekStart).plusDays(3).withDayOfMonth(1);
    }

    /** What of one cell may enter published figures: nothing below the minimum, and each measure on its own count. */
    public static Counts publishable(Counts c, int minResponses) {
        if (c.responses() < minResponses) {
            return Counts.ZERO;
        }
        boolean csat = c.csatCount() >= minResponses;
        boolean nps = c.npsCount() >= minResponses;
        boolean ces = c.cesCount() >= minResponses;
        boolean sentiment = c.sentimentCount() >= minResponses;
        boolean rate = c.surveyResponses() >= minResponses;
        return new Counts(c.responses(), rate ? c.surveyResponses() : 0, rate ? c.invitations() : 0,
                csat ? c.csatCount() : 0, csat ? c.csatSatisfied() : 0, csat ? c.csatSum() : 0,
                nps ? c.npsCount() : 0, nps ? c.npsPromoters() : 0, nps ? c.npsDetractors() : 0,
                ces ? c.cesCount() : 0, ces ? c.cesSum() : 0,
                sentiment ? c.sentimentCount() : 0, sentiment ? c.sentimentSum() : 0.0,
                sentiment ? c.sentimentNegative() : 0, sentiment ? c.sentimentNeutral() : 0,
                sentiment ? c.sentimentPositive() : 0, c.frustrated(), themes(c));
    }

    private static long[] themes(Counts c) {
        long[] themes = new long[Theme.values().length];
        for (Theme theme : Theme.values()) {
            themes[theme.ordinal()] = c.theme(theme);
        }
        return themes;
    }
}
