package io.hrloop.request.domain;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
