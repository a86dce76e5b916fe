package io.hrloop.improvement.domain;

/**
 * Whether a piece of feedback is negative enough to become evidence: CSAT at or below a bound (default 2),
 * an NPS detractor (default 0–6), or sentiment below a threshold (default −0.3). Any one is enough.
 */
public record FeedbackSignal(Integer csat, Integer nps, double sentiment) {

    public boolean isNegative(int csatAtMost, int npsAtMost, double sentimentBelow) {
        return (csat != null && csat <= csatAtMost)
                || (nps != null && nps <= npsAtMost)
                || sentiment < sentimentBelow;
    }
}
