package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessNamesTest {

    @Test
    void caseWhitespacePunctuationAndPluralsFold() {
        assertEquals("expense claim", ProcessNames.normalise("  Expense   Claims "));
        assertEquals("expense claim", ProcessNames.normalise("expense-claim"));
        assertEquals("expense", ProcessNames.normalise("Expenses"));
        assertEquals("leave policy", ProcessNames.normalise("Leave policies"));
        assertEquals("onboarding", ProcessNames.normalise("ONBOARDING"));
        assertEquals("cafe", ProcessNames.normalise("Café"));
    }

    @Test
    void shortWordsAndSsUsIsEndingsStay() {
        assertEquals("access", ProcessNames.normalise("Access"));
        assertEquals("bonus", ProcessNames.normalise("Bonus"));
        assertEquals("analysis", ProcessNames.normalise("Analysis"));
        assertEquals("bus", ProcessNames.normalise("bus"));
        assertEquals("", ProcessNames.normalise(" -- "));
    }

    @Test
    void anUnreviewedNameGetsAKeyFromItsWords() {
        assertEquals("expense-claim", ProcessNames.key("Expense claims"));
        assertEquals("payroll-2026", ProcessNames.key("Payroll (2026)"));
    }
}
