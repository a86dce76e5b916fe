package io.hrloop.feedback.domain;

/** What a piece of feedback is about: a request (survey answers), a request type, a process, HR in general. */
public enum SubjectType {
    REQUEST, REQUEST_TYPE, PROCESS, GENERAL
}
