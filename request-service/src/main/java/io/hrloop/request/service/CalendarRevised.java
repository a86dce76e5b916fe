package io.hrloop.request.service;

/** A calendar's working time changed (a CDI event): requests planned with an older revision are to be re-planned. */
public record CalendarRevised(String calendarKey, int revision) {
}
