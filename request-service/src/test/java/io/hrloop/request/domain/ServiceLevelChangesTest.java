package io.hrloop.request.domain;

import static io.hrloop.request.domain.BusinessHoursTest.berlin;
import static io.hrloop.request.domain.BusinessHoursTest.officeHours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Withdrawal, re-triage and calendar revisions as the service-level clock sees them, and their replay. */
class ServiceLevelChangesTest {

    static final BusinessHours OFFICE = officeHours(Set.of());
    /** The office calendar after Monday 23 November 2026 became a holiday. */
    static final BusinessHours CLOSED_MONDAY = officeHours(Set.of(LocalDate.parse("2026-11-23")));
    static final double RISK = 0.8;

    @Test
    void aWithdrawalStopsBothClocksWithoutAVerdict() {
        ServiceLevels levels = ServiceLevels.start(60, 240, berlin("2026-11-23T09:00"), OFFICE, RISK)
                .onStatusChange(RequestStatus.SUBMITTED, RequestStatus.WITHDRAWN, berlin("2026-11-23T15:00"), OFFICE,
                        RISK);
        for (SlaTimer timer : List.of(levels.firstResponse(), levels.resolution())) {
            assertNull(timer.outcome(), "past both due times, yet neither attained nor breached");
            assertEquals(berlin("2026-11-23T15:00"), timer.completedAt());
            assertEquals(6 * 3600, timer.elapsedSeconds());
            assertNull(timer.outcomeAt(berlin("2026-11-30T09:00")));
            assertFalse(timer.breachDueAt(berlin("2026-11-30T09:00")));
            assertFalse(timer.atRisk(berlin("2026-11-30T09:00")));
            assertFalse(timer.paused());
        }
        SlaTimer breached = SlaTimer.start(60, berlin("2026-11-23T09:00"), OFFICE, RISK).markBreachNotified();
        assertEquals(SlaOutcome.BREACHED, breached.withdraw(berlin("2026-11-23T12:00"), OFFICE).outcome(),
                "a breach already announced stays on the record");
    }

    @Test
    void aNewTargetCountsTheTimeAlreadyUsed() {
        ServiceLevels levels = ServiceLevels.start(60, 480, berlin("2026-11-23T09:00"), OFFICE, RISK)
                .retarget(120, 240, berlin("2026-11-23T09:30"), OFFICE, RISK);
        assertEquals(berlin("2026-11-23T11:00"), levels.firstResponse().dueAt(), "30 of 120 minutes used");
        assertEquals(berlin("2026-11-23T13:00"), levels.resolution().dueAt(), "30 of 240 minutes used");
        assertEquals(berlin("2026-11-23T12:12"), levels.resolution().atRiskAt(), "80% of 240 minutes");
        assertEquals(240, levels.resolution().targetMinutes());
        assertTrue(levels.resolution().running());
        assertNull(levels.resolution().outcome());
    }

    @Test
    void aTargetAlreadyUsedUpIsBreachedAtOnce() {
        Instant at = berlin("2026-11-23T09:45");
        ServiceLevels levels = ServiceLevels.start(60, 480, berlin("2026-11-23T09:00"), OFFICE, RISK)
                .retarget(30, 120, at, OFFICE, RISK);
        assertEquals(SlaOutcome.BREACHED, levels.firstResponse().outcome());
        assertEquals(at, levels.firstResponse().dueAt());
        assertTrue(levels.firstResponse().breachDueAt(at), "to be announced");
        assertNull(levels.resolution().outcome());
        assertEquals(berlin("2026-11-23T11:00"), levels.resolution().dueAt());
    }

    @Test
    void aWarningAlreadyGivenComesAgainOnlyForALongerTarget() {
        SlaTimer warned = SlaTimer.start(100, berlin("2026-11-23T09:00"), OFFICE, RISK).markAtRiskNotified();
        SlaTimer longer = warned.retarget(400, berlin("2026-11-23T10:30"), OFFICE, RISK);
        assertFalse(longer.atRiskNotified(), "90 of 400 minutes: the new target is not at risk yet");
        assertEquals(berlin("2026-11-23T14:20"), longer.atRiskAt());
        SlaTimer shorter = warned.retarget(95, berlin("2026-11-23T10:30"), OFFICE, RISK);
        assertTrue(shorter.atRiskNotified(), "90 of 95 minutes: warned already, not twice");
    }

    @Test
    void aPausedOrDecidedTargetKeepsItsTimeAndGetsTheNewTarget() {
        ServiceLevels levels = ServiceLevels.start(60, 480, berlin("2026-11-23T09:00"), OFFICE, RISK)
                .onStatusChange(RequestStatus.IN_PROGRESS, RequestStatus.WAITING_ON_CUSTOMER,
                        berlin("2026-11-23T10:00"), OFFICE, RISK)
                .retarget(30, 240, berlin("2026-11-23T14:00"), OFFICE, RISK);
        assertEquals(SlaOutcome.ATTAINED, levels.firstResponse().outcome(), "answered in time: the verdict stays");
        assertEquals(60, levels.firstResponse().targetMinutes());
        assertTrue(levels.resolution().paused());
        assertEquals(240, levels.resolution().targetMinutes());
        assertEquals(3600, levels.resolution().elapsedSeconds(), "waiting on the customer does not count");
        levels = levels.onStatusChange(RequestStatus.WAITING_ON_CUSTOMER, RequestStatus.IN_PROGRESS,
                berlin("2026-11-23T15:00"), OFFICE, RISK);
        assertEquals(berlin("2026-11-24T10:00"), levels.resolution().dueAt(), "180 minutes left from 15:00");
    }

    @Test
    void aNewCalendarRevisionTakesOverForTheRestOfARunningClock() {
        ServiceLevels levels = ServiceLevels.start(60, 480, berlin("2026-11-20T16:00"), OFFICE, RISK);
        assertEquals(berlin("2026-11-23T16:00"), levels.resolution().dueAt());
        levels = levels.recalendar(berlin("2026-11-20T16:30"), OFFICE, CLOSED_MONDAY, RISK);
        assertEquals(berlin("2026-11-24T16:00"), levels.resolution().dueAt(), "30 minutes used, Monday now closed");
        assertEquals(berlin("2026-11-20T17:00"), levels.firstResponse().dueAt(), "its rest fits in Friday");
        assertEquals(berlin("2026-11-20T16:30"), levels.resolution().runningSince());

        ServiceLevels paused = ServiceLevels.start(60, 480, berlin("2026-11-20T09:00"), OFFICE, RISK)
                .onStatusChange(RequestStatus.IN_PROGRESS, RequestStatus.WAITING_ON_CUSTOMER,
                        berlin("2026-11-20T10:00"), OFFICE, RISK);
        assertEquals(paused, paused.recalendar(berlin("2026-11-20T16:30"), OFFICE, CLOSED_MONDAY, RISK),
                "a paused clock is planned when it runs again, a decided one not at all");
    }

    @Test
    void theReplayCountsEachStretchWithTheRevisionOfItsTime() {
        CalendarRef office1 = new CalendarRef("office", 1);
        CalendarRef office2 = new CalendarRef("office", 2);
        CalendarRef other = new CalendarRef("other-office", 4);
        BusinessHours early = officeHours(Set.of(), "08:00", "16:00");
        Map<CalendarRef, BusinessHours> calendars = Map.of(office1, OFFICE, office2, CLOSED_MONDAY, other, early);
        List<ServiceLevelReplay.Fact> history = new ArrayList<>();

        Instant t0 = berlin("2026-11-20T16:00");
        ServiceLevels live = ServiceLevels.start(60, 480, t0, OFFICE, RISK);
        history.add(new ServiceLevelReplay.Fact(t0, ServiceLevelReplay.FIELD_TARGETS, null, "60/480"));
        Instant t1 = berlin("2026-11-20T16:30");
        live = live.recalendar(t1, OFFICE, CLOSED_MONDAY, RISK);
        history.add(new ServiceLevelReplay.Fact(t1, ServiceLevelReplay.FIELD_CALENDAR, "office@1", "office@2"));
        Instant t2 = berlin("2026-11-24T09:15");
        live = live.recalendar(t2, CLOSED_MONDAY, early, RISK).retarget(120, 960, t2, early, RISK);
        history.add(new ServiceLevelReplay.Fact(t2, ServiceLevelReplay.FIELD_CALENDAR, "office@2", "other-office@4"));
        history.add(new ServiceLevelReplay.Fact(t2, ServiceLevelReplay.FIELD_RETARGET, "60/480", "120/960"));
        Instant t3 = berlin("2026-11-24T10:00");
        live = live.onStatusChange(RequestStatus.SUBMITTED, RequestStatus.WITHDRAWN, t3, early, RISK);
        history.add(new ServiceLevelReplay.Fact(t3, ServiceLevelReplay.FIELD_STATUS, "SUBMITTED", "WITHDRAWN"));

        assertEquals(live, ServiceLevelReplay.replay(history, other, calendars::get, RISK));
        assertEquals((60 + 15 + 45) * 60, live.resolution().elapsedSeconds(), "Friday 16:00-17:00 and Tuesday "
                + "09:00-09:15 in the office's hours (Monday closed), 09:15-10:00 in the other office's");
        assertEquals(SlaOutcome.BREACHED, live.firstResponse().outcome(), "due Friday 17:00 under revision 2");
    }

    @Test
    void aCalendarRevisionIsWrittenAsKeyAtRevision() {
        assertEquals("office-de@3", new CalendarRef("office-de", 3).toString());
        assertEquals(new CalendarRef("office-de", 3), CalendarRef.parse("office-de@3"));
        assertThrows(IllegalArgumentException.class, () -> CalendarRef.parse("office-de"));
    }
}
