package io.hrloop.request.domain;

public enum RequestStatus {
    SUBMITTED, ASSIGNED, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, DECLINED, WITHDRAWN
}
