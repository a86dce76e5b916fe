package io.hrloop.request.domain;

/** The service-level targets of one priority, in business minutes. */
public record TargetMinutes(int firstResponseMinutes, int resolutionMinutes) {
}
