package io.hrloop.request.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One service-level target of a request, counted in business time of its calendar. The timer runs
 * while {@code runningSince} is set; finished stretches are summed in {@code elapsedSeconds}. A target
 * is breached as soon as its running timer passes its due time, whoever notices first (the scheduler,
 * a pause or the completion); once breached it stays breached, even if the request is reopened.
 */
public record SlaTimer(int targetMinutes, long elapsedSeconds, Instant runningSince, Instant dueAt, Instant atRiskAt,
        Instant completedAt, SlaOutcome outcome, boolean atRiskNotified, boolean breachNotified) {

    /** Starts a timer at {@code at}; {@code riskShare} is the share of the target after which it is at risk. */
    public static SlaTimer start(int targetMinutes, Instant at, BusinessHours hours, double riskShare) {
        return new SlaTimer(targetMinutes, 0, null, at, at, null, null, false, false).runFrom(at, hours, riskShare);
    }

    public boolean running() {
        return runningSince != null;
    }

    /** Stopped but not completed: the request waits on the customer. */
    public boolean paused() {
        return runningSince == null && completedAt == null;
    }

    public SlaTimer pause(Instant at, BusinessHours hours) {
        if (!running()) {
            return this;
        }
        long elapsed = elapsedSeconds + hours.between(runningSince, at).getSeconds();
        SlaOutcome decided = outcome == null && at.isAfter(dueAt) ? SlaOutcome.BREACHED : outcome;
        return new SlaTimer(targetMinutes, elapsed, null, dueAt, atRiskAt, null, decided, atRiskNotified,
                breachNotified);
    }

    public SlaTimer resume(Instant at, BusinessHours hours, double riskShare) {
        if (running() || completedAt != null) {
            return this;
        }
        return runFrom(at, hours, riskShare);
    }

    /** The target was met or missed at {@code at}; a completed timer ignores later completions. */
    public SlaTimer complete(Instant at, BusinessHours hours) {
        if (completedAt != null) {
            return this;
        }
        SlaTimer stopped = pause(at, hours);
        SlaOutcome decided = stopped.outcome == null ? SlaOutcome.ATTAINED : stopped.outcome;
        return new SlaTimer(targetMinutes, stopped.elapsedSeconds, null, dueAt, atRiskAt, at, decided, atRiskNotified,
                breachNotified);
    }

    /** Runs a completed timer again (a reopened request); an attained outcome is undone, a breach stays. */
    public SlaTimer reopen(Instant at, BusinessHours hours, double riskShare) {
        if (completedAt == null) {
            return this;
        }
        SlaOutcome kept = outcome == SlaOutcome.BREACHED ? SlaOutcome.BREACHED : null;
        return new SlaTimer(targetMinutes, elapsedSeconds, null, dueAt, atRiskAt, null, kept, atRiskNotified,
                breachNotified).runFrom(at, hours, riskShare);
    }

    /**
     * Stops the timer for good without a verdict (the requester withdrew the request): the time used is kept,
     * the outcome stays what it was (null unless a breach was already decided), and it never runs again.
     */
    public SlaTimer withdraw(Instant at, BusinessHours hours) {
        if (completedAt != null) {
            return this;
        }
        return new SlaTimer(targetMinutes, elapsedSecondsAt(at, hours), null, dueAt, atRiskAt, at, outcome,
                atRiskNotified, breachNotified);
    }

    /**
     * The running stretch counted until {@code at} under {@code before}, the rest planned from {@code at} under
     * {@code after} (a calendar edited, or a request moved to a type of another calendar). Only a running timer
     * moves: a paused one is planned when it runs again, a completed one is decided.
     */
    public SlaTimer recalendar(Instant at, BusinessHours before, BusinessHours after, double riskShare) {
        if (!running()) {
            return this;
        }
        return pause(at, before).resume(at, after, riskShare);
    }

    /**
     * A new target (re-triage) against the time already used: a completed timer keeps its verdict; a running
     * or paused one counts what it used until {@code at} (paused time excluded) against the new target. A
     * target already used up is breached at {@code at}; otherwise a running timer is due when the rest is used
     * from {@code at}, and a paused one gets its due time when it runs again. A decided breach stays. The
     * at-risk warning may come again for the new target unless its share is already used (no second warning).
     */
    public SlaTimer retarget(int newTargetMinutes, Instant at, BusinessHours hours, double riskShare) {
        if (completedAt != null) {
            return this;
        }
        boolean wasRunning = running();
        SlaTimer stopped = pause(at, hours);
        long used = stopped.elapsedSeconds;
        long target = newTargetMinutes * 60L;
        boolean usedUp = stopped.outcome == null && used >= target;
        SlaOutcome decided = usedUp ? SlaOutcome.BREACHED : stopped.outcome;
        boolean warned = decided == null && used < Math.round(target * riskShare) ? false : stopped.atRiskNotified;
        SlaTimer retargeted = new SlaTimer(newTargetMinutes, used, null, usedUp ? at : stopped.dueAt,
                stopped.atRiskAt, null, decided, warned, stopped.breachNotified);
        return wasRunning ? retargeted.runFrom(at, hours, riskShare) : retargeted;
    }

    public SlaTimer markAtRiskNotified() {
        return new SlaTimer(targetMinutes, elapsedSeconds, runningSince, dueAt, atRiskAt, completedAt, outcome, true,
                breachNotified);
    }

    /** The breach has been announced; a breach supersedes any later at-risk warning. */
    public SlaTimer markBreachNotified() {
        return new SlaTimer(targetMinutes, elapsedSeconds, runningSince, dueAt, atRiskAt, completedAt,
                SlaOutcome.BREACHED, true, true);
    }

    public long elapsedSecondsAt(Instant now, BusinessHours hours) {
        return running() ? elapsedSeconds + hours.between(runningSince, now).getSeconds() : elapsedSeconds;
    }

    /** The outcome as of {@code now}: decided, or BREACHED when the running timer is past due, else null. */
    public SlaOutcome outcomeAt(Instant now) {
        if (outcome != null) {
            return outcome;
        }
        return running() && now.isAfter(dueAt) ? SlaOutcome.BREACHED : null;
    }

    public boolean breachDueAt(Instant now) {
        return !breachNotified && outcomeAt(now) == SlaOutcome.BREACHED;
    }

    public boolean atRisk(Instant now) {
        return running() && outcomeAt(now) == null && !now.isBefore(atRiskAt);
    }

    private SlaTimer runFrom(Instant at, BusinessHours hours, double riskShare) {
        long target = targetMinutes * 60L;
        long remaining = target - elapsedSeconds;
        Instant due = remaining > 0 ? hours.add(at, Duration.ofSeconds(remaining)) : dueAt;
        long untilRisk = Math.round(target * riskShare) - elapsedSeconds;
        Instant risk = untilRisk > 0 ? hours.add(at, Duration.ofSeconds(untilRisk)) : at;
        return new SlaTimer(targetMinutes, elapsedSeconds, at, due, risk, completedAt, outcome, atRiskNotified,
                breachNotified);
    }
}
