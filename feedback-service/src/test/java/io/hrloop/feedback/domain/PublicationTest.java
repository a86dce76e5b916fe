package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hrloop.common.contract.Theme;
import io.hrloop.feedback.domain.Publication.Cell;
import io.hrloop.feedback.domain.Rollups.Counts;

/** The small-number rule as plain Java: cells, weeks, months by Thursday, and what of a cell may be published. */
class PublicationTest {

    private static final int MIN = 5;

    @Test
    void cellKeysRoundTripAndFoldConfidentialTypes() {
        for (Cell cell : List.of(new Cell("payroll", "payroll-query", false), new Cell(null, "expenses", false),
                new Cell("er", null, true), new Cell(null, null, false))) {
            assertEquals(cell, Cell.parse(cell.key()));
        }
        assertEquals(new Cell("er", "concern-a", true).key(), new Cell("er", "concern-b", true).key(),
                "all confidential types of a team are one cell, never told apart");
        assertNull(new Cell("er", "concern-a", true).type());
    }

    @Test
    void rangesSnapToIsoWeeksAndMonthsHoldTheWeeksWhoseThursdayTheyContain() {
        assertEquals(LocalDate.of(2026, 3, 2), Publication.weekStart(LocalDate.of(2026, 3, 4)));
        assertEquals(LocalDate.of(2026, 3, 8), Publication.weekEnd(LocalDate.of(2026, 3, 4)));
        assertEquals(LocalDate.of(2026, 3, 8), Publication.weekEnd(LocalDate.of(2026, 3, 8)));
        assertEquals(LocalDate.of(2026, 4, 1), Publication.monthOf(LocalDate.of(2026, 3, 30)), "Thursday 2 April");
        assertEquals(LocalDate.of(2026, 7, 1), Publication.monthOf(LocalDate.of(2026, 6, 29)), "Thursday 2 July");
        assertEquals(LocalDate.of(2026, 6, 1), Publication.monthOf(LocalDate.of(2026, 6, 22)), "Thursday 25 June");
        assertEquals(LocalDate.of(2026, 1, 1), Publication.monthOf(LocalDate.of(2025, 12, 29)), "Thursday 1 January");
    }

    @Test
    void aCellBelowTheMinimumContributesNothingAndEachMeasureNeedsItsOwnMinimum() {
        assertEquals(0, Publication.publishable(responses(4, 4, 4, 4), MIN).responses());
        Counts tenWithTwoNps = responses(10, 10, 2, 0);
        Counts published = Publication.publishable(tenWithTwoNps, MIN);
        assertEquals(10, published.responses());
        assertEquals(10, published.csatCount());
        assertEquals(0, published.npsCount(), "two NPS answers would be recoverable by difference");
        assertEquals(0, published.npsPromoters());
        InsightMetrics metrics = InsightMetrics.of(published, MIN, 3);
        assertNull(metrics.nps());
        assertEquals(100.0, metrics.csatPercent());
    }

    @Test
    void noFigureChangesWhenASuppressedCellIsAddedToAnyCombination() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Counts> cells = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                cells.add(random(random, MIN + random.nextInt(20)));
            }
            Counts small = random(random, 1 + random.nextInt(MIN - 1));
            Counts without = sum(cells);
            List<Counts> with = new ArrayList<>(cells);
            with.add(random.nextInt(with.size() + 1), small);
            assertEquals(InsightMetrics.of(without, MIN, 3), InsightMetrics.of(sum(with), MIN, 3));
        }
    }

    @Test
    void publishedFiguresRestOnAtLeastTheMinimumOrOnNothing() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            Counts c = Publication.publishable(random(random, random.nextInt(12)), MIN);
            for (long count : new long[] { c.responses(), c.csatCount(), c.npsCount(), c.cesCount(), c.sentimentCount(),
                    c.surveyResponses() }) {
                assertTrue(count == 0 || count >= MIN, "a measure on " + count + " answers");
            }
        }
    }

    private static Counts sum(List<Counts> cells) {
        return cells.stream().map(c -> Publication.publishable(c, MIN)).reduce(Counts.ZERO, Counts::plus);
    }

    /** {@code n} responses, each answering CSAT, NPS, effort and a comment at random. */
    private static Counts random(Random random, int n) {
        Counts c = Counts.ZERO;
        for (int i = 0; i < n; i++) {
            boolean survey = random.nextBoolean();
            Counts one = Rollups.ofResponse(survey, random.nextBoolean() ? 1 + random.nextInt(5) : null,
                    random.nextBoolean() ? 1 + random.nextInt(7) : null, random.nextBoolean() ? random.nextInt(11) : null,
                    random.nextBoolean() ? random.nextDouble() * 2 - 1 : null, random.nextInt(4) == 0,
                    random.nextBoolean() ? Set.of(Theme.SPEED) : Set.of());
            c = c.plus(one).plus(survey ? Rollups.ofInvitation(1) : Counts.ZERO);
        }
        return c;
    }

    private static Counts responses(int n, int csat, int nps, int ces) {
        Counts c = Counts.ZERO;
        for (int i = 0; i < n; i++) {
            c = c.plus(Rollups.ofResponse(false, i < csat ? 5 : null, i < ces ? 2 : null, i < nps ? 10 : null, null, false, Set.of()));
        }
        return c;
    }
}
