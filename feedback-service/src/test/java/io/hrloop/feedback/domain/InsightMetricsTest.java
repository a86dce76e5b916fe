package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hrloop.common.contract.Theme;

class InsightMetricsTest {

    private static Rollups.Counts response(Integer csat, Integer nps, Integer ces, Double sentiment, Theme... themes) {
        return Rollups.ofResponse(true, csat, ces, nps, sentiment, false, Set.of(themes));
    }

    @Test
    void figuresFollowTheirDefinitions() {
        Rollups.Counts c = Rollups.ofInvitation(8)
                .plus(response(5, 10, 2, 0.8, Theme.SPEED))
                .plus(response(4, 9, 3, 0.5, Theme.SPEED, Theme.RESPECT))
                .plus(response(3, 7, 4, 0.0, Theme.PROCESS))
                .plus(response(2, 5, 6, -0.6, Theme.SPEED))
                .plus(response(1, 0, 7, -0.9, Theme.RESPECT));
        InsightMetrics m = InsightMetrics.of(c, 5, 2);
        assertFalse(m.suppressed());
        assertEquals(5, m.responses());
        assertEquals(40.0, m.csatPercent(), "2 of 5 are 4 or 5");
        assertEquals(0.0, m.nps(), "2 promoters, 2 detractors, 1 passive");
        assertEquals(4.4, m.averageEffort());
        assertEquals(0.625, m.responseRate());
        assertEquals(0.4, m.sentiment().negative());
        assertEquals(0.2, m.sentiment().neutral());
        assertEquals(List.of(Theme.SPEED, Theme.RESPECT), m.topThemes().stream().map(InsightMetrics.ThemeCount::theme).toList());
    }

    @Test
    void smallGroupsAndThinFiguresAreSuppressed() {
        Rollups.Counts four = response(5, null, null, null).plus(response(5, null, null, null))
                .plus(response(5, null, null, null)).plus(response(1, null, null, null));
        InsightMetrics m = InsightMetrics.of(four, 5, 3);
        assertTrue(m.suppressed());
        assertNull(m.responses());
        assertNull(m.csatPercent());
        InsightMetrics five = InsightMetrics.of(four.plus(response(4, 9, null, null)), 5, 3);
        assertEquals(80.0, five.csatPercent());
        assertNull(five.nps(), "one NPS answer is not shown on its own");
    }

    @Test
    void confidentialTypesAreCountedByTeamAndOverallOnly() {
        List<Rollups.Delta> deltas = Rollups.deltas(LocalDate.of(2026, 3, 4), "employee-relations-concern", "er", true,
                response(3, null, null, null));
        assertEquals(7, deltas.size(), "day, week and month overall and by team, and the week's (team, confidential) cell");
        assertTrue(deltas.stream().noneMatch(d -> d.key().dimension() == Rollups.Dimension.TYPE));
        assertTrue(deltas.stream().anyMatch(d -> d.key().grain() == Rollups.Grain.WEEK
                && d.key().periodStart().equals(LocalDate.of(2026, 3, 2))), "ISO weeks start on Monday");
    }
}
