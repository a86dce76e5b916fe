package io.hrloop.improvement.domain;

/**
 * The two-proportion z-test on the share of satisfied answers (CSAT 4–5) before and after a change.
 *
 * <pre>
 * p1 = x1 / n1 (before), p2 = x2 / n2 (after), p = (x1 + x2) / (n1 + n2) (pooled)
 * z = (p2 − p1) / sqrt(p (1 − p) (1/n1 + 1/n2)),  two-sided p-value = 2 (1 − Φ(|z|))
 * </pre>
 *
 * The verdict is BETTER (z &gt; 0) or WORSE (z &lt; 0) when the p-value is below 1 − confidence, else INCONCLUSIVE
 * (also when both sides are all satisfied or all unsatisfied: no variance, z = 0, p-value 1). Φ is computed from
 * erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7), ample for a verdict at 0.95.
 */
public record ShareTest(int satisfiedBefore, int answersBefore, int satisfiedAfter, int answersAfter,
        double shareBefore, double shareAfter, double z, double pValue, double confidence, Outcome outcome) {

    public enum Outcome {
        BETTER, WORSE, INCONCLUSIVE
    }

    /** @throws IllegalArgumentException without answers on a side, or with more satisfied than answers */
    public static ShareTest of(int satisfiedBefore, int answersBefore, int satisfiedAfter, int answersAfter,
            double confidence) {
        if (answersBefore <= 0 || answersAfter <= 0 || satisfiedBefore < 0 || satisfiedAfter < 0
                || satisfiedBefore > answersBefore || satisfiedAfter > answersAfter) {
            throw new IllegalArgumentException("each side needs answers, and satisfied answers among them");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1");
        }
        double p1 = (double) satisfiedBefore / answersBefore;
        double p2 = (double) satisfiedAfter / answersAfter;
        double pooled = (double) (satisfiedBefore + satisfiedAfter) / (answersBefore + answersAfter);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / answersBefore + 1.0 / answersAfter));
        double z = se == 0 ? 0 : (p2 - p1) / se;
        double pValue = Math.min(1.0, 2 * (1 - phi(Math.abs(z))));
        Outcome outcome = pValue < 1 - confidence ? (z > 0 ? Outcome.BETTER : Outcome.WORSE) : Outcome.INCONCLUSIVE;
        return new ShareTest(satisfiedBefore, answersBefore, satisfiedAfter, answersAfter, round(p1, 4),
                round(p2, 4), round(z, 4), round(pValue, 6), confidence, outcome);
    }

    /** The standard normal distribution function. */
    static double phi(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    private static double erf(double x) {
        double sign = Math.signum(x);
        double a = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * a);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        return sign * (1 - poly * Math.exp(-a * a));
    }

    private static double round(double value, int scale) {
        double f = Math.pow(10, scale);
        return Math.round(value * f) / f;
    }
}
