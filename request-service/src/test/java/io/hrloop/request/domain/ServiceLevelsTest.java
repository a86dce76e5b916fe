package io.hrloop.request.domain;

import static io.hrloop.request.domain.BusinessHoursTest.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceLevelsTest {

    static final BusinessHours OFFICE = BusinessHoursTest.officeHours(Set.of());
    static final double RISK = 0.8;

    @Test
    void waitingOnTheCustomerPausesTheResolutionClock() {
        ServiceLevels levels = ServiceLevels.start(60, 240, berlin("2026-11-23T09:00"), OFFICE, RISK);
        assertEquals(berlin("2026-11-23T13:00"), levels.resolution().dueAt());
        levels = levels.onStatusChange(RequestStatus.SUBMITTED, RequestStatus.ASSIGNED, berlin("2026-11-23T09:10"), OFFICE, RISK)
                .onStatusChange(RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, berlin("2026-11-23T09:20"), OFFICE, RISK)
                .onStatusChange(RequestStatus.IN_PROGRESS, RequestStatus.WAITING_ON_CUSTOMER, berlin("2026-11-23T10:00"), OFFICE, RISK);
        assertTrue(levels.resolution().paused());
        assertEquals(SlaOutcome.ATTAINED, levels.firstResponse().outcome(), "asking the customer is a first response");
        assertEquals(60 * 60, levels.resolution().elapsedSecondsAt(berlin("2026-11-23T16:00"), OFFICE), "no time counts");
        levels = levels.onStatusChange(RequestStatus.WAITING_ON_CUSTOMER, RequestStatus.IN_PROGRESS, berlin("2026-11-23T12:00"), OFFICE, RISK);
        assertEquals(berlin("2026-11-23T15:00"), levels.resolution().dueAt(), "due moved by the two hours waited");
        levels = levels.onStatusChange(RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED, berlin("2026-11-23T14:30"), OFFICE, RISK);
        assertEquals(SlaOutcome.ATTAINED, levels.resolution().outcome());
        assertEquals(210 * 60, levels.resolution().elapsedSeconds(), "one hour before waiting, 2.5 after");
    }

    @Test
    void aRunningTimerPastItsDueTimeIsBreachedAndStaysBreached() {
        SlaTimer timer = SlaTimer.start(60, berlin("2026-11-23T09:00"), OFFICE, RISK);
        assertNull(timer.outcomeAt(berlin("2026-11-23T10:00")), "due at 10:00 exactly is not late");
        assertEquals(SlaOutcome.BREACHED, timer.outcomeAt(berlin("2026-11-23T10:01")));
        assertTrue(timer.breachDueAt(berlin("2026-11-23T10:01")));
        SlaTimer paused = timer.pause(berlin("2026-11-23T11:00"), OFFICE);
        assertEquals(SlaOutcome.BREACHED, paused.outcome());
        SlaTimer completed = paused.resume(berlin("2026-11-23T12:00"), OFFICE, RISK).complete(berlin("2026-11-23T12:30"), OFFICE);
        assertEquals(SlaOutcome.BREACHED, completed.outcome());
        assertEquals(SlaOutcome.BREACHED, completed.reopen(berlin("2026-11-24T09:00"), OFFICE, RISK).outcome());
    }

    @Test
    void atRiskAfterTheConfiguredShare() {
        SlaTimer timer = SlaTimer.start(100, berlin("2026-11-23T09:00"), OFFICE, RISK);
        assertEquals(berlin("2026-11-23T10:20"), timer.atRiskAt());
        assertFalse(timer.atRisk(berlin("2026-11-23T10:19")));
        assertTrue(timer.atRisk(berlin("2026-11-23T10:20")));
        assertFalse(timer.atRisk(berlin("2026-11-23T10:41")), "past due it is breached, no longer at risk");
        assertFalse(timer.complete(berlin("2026-11-23T10:30"), OFFICE).atRisk(berlin("2026-11-23T10:30")));
    }

    @Test
    void reopeningAnAttainedTargetRunsItAgainWithTheTimeAlreadyUsed() {
        ServiceLevels levels = ServiceLevels.start(180, 240, berlin("2026-11-23T09:00"), OFFICE, RISK)
                .onStatusChange(RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED, berlin("2026-11-23T11:00"), OFFICE, RISK)
                .onStatusChange(RequestStatus.RESOLVED, RequestStatus.IN_PROGRESS, berlin("2026-11-24T09:00"), OFFICE, RISK);
        assertNull(levels.resolution().outcome());
        assertEquals(berlin("2026-11-24T11:00"), levels.resolution().dueAt());
        assertEquals(SlaOutcome.ATTAINED, levels.firstResponse().outcome(), "first response stays answered");
    }

    @Test
    void replayOfTheHistoryComesToTheLiveState() {
        List<ServiceLevelReplay.Fact> history = new ArrayList<>();
        Instant t0 = berlin("2026-11-20T16:30");
        ServiceLevels live = ServiceLevels.start(30, 240, t0, OFFICE, RISK);
        history.add(new ServiceLevelReplay.Fact(t0, ServiceLevelReplay.FIELD_TARGETS, null, ServiceLevelReplay.targets(30, 240)));

        Instant t1 = berlin("2026-11-23T09:40");
        history.add(new ServiceLevelReplay.Fact(t1, ServiceLevelReplay.FIELD_FIRST_RESPONSE_LEVEL, null, "BREACHED"));
        live = live.with(SlaTarget.FIRST_RESPONSE, live.firstResponse().markBreachNotified());

        Instant t2 = berlin("2026-11-23T10:00");
        history.add(new ServiceLevelReplay.Fact(t2, ServiceLevelReplay.FIELD_FIRST_RESPONSE, null, "comment-1"));
        live = live.onFirstResponse(t2, OFFICE);
        for (RequestStatus[] move : new RequestStatus[][] { { RequestStatus.SUBMITTED, RequestStatus.ASSIGNED },
                { RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS },
                { RequestStatus.IN_PROGRESS, RequestStatus.WAITING_ON_CUSTOMER } }) {
            history.add(new ServiceLevelReplay.Fact(t2, ServiceLevelReplay.FIELD_STATUS, move[0].name(), move[1].name()));
            live = live.onStatusChange(move[0], move[1], t2, OFFICE, RISK);
        }
        Instant t3 = berlin("2026-11-24T09:00");
        history.add(new ServiceLevelReplay.Fact(t3, ServiceLevelReplay.FIELD_STATUS, "WAITING_ON_CUSTOMER", "IN_PROGRESS"));
        live = live.onStatusChange(RequestStatus.WAITING_ON_CUSTOMER, RequestStatus.IN_PROGRESS, t3, OFFICE, RISK);
        history.add(new ServiceLevelReplay.Fact(t3, "comment", null, "ignored"));

        assertEquals(live, ServiceLevelReplay.replay(history, OFFICE, RISK));
        assertEquals(SlaOutcome.BREACHED, live.firstResponse().outcome());
        assertEquals(berlin("2026-11-24T11:30"), live.resolution().dueAt(), "30 min Friday, 60 min Monday, 150 min left");
    }
}
