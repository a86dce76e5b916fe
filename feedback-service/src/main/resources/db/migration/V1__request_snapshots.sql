-- What feedback-service knows of requests, projected from hr.requests events (it never reads
-- request-service's tables).
create table request_snapshot (
    request_id            uuid primary key,
    reference             varchar(20)  not null,
    request_type          varchar(100) not null,
    team                  varchar(100) not null,
    status                varchar(30)  not null,
    confidential          boolean      not null,
    requester             varchar(200),
    subject               varchar(200),
    survey_sampling_rate  double precision,
    last_event_time       timestamptz  not null,
    events_applied        int          not null
);
