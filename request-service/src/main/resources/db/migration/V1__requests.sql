-- request-service schema: catalogue, calendars, requests with their service-level timers,
-- conversation, decline/appeal and an append-only audit history.

create table work_calendar (
    key           varchar(100) primary key,
    name          varchar(200) not null,
    zone          varchar(64)  not null,
    -- {"MONDAY":[{"start":"09:00","end":"17:00"}], ...}; validated by the service before it is stored
    working_hours text         not null,
    -- ["2026-12-25", ...]
    holidays      text         not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);

create table request_type (
    key                  varchar(100) primary key,
    name                 varchar(200) not null,
    category             varchar(40)  not null,
    default_priority     varchar(10)  not null,
    team                 varchar(100) not null,
    confidential         boolean      not null,
    calendar_key         varchar(100) not null references work_calendar (key),
    -- {"LOW":{"firstResponseMinutes":480,"resolutionMinutes":2400}, ...}: all four priorities
    targets              text         not null,
    survey_sampling_rate numeric(5,4) not null check (survey_sampling_rate between 0 and 1),
    active               boolean      not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);

-- References are drawn from a sequence, so concurrent submissions never share one.
create sequence request_reference_seq start with 1;

create table hr_request (
    id                    uuid primary key,
    reference             varchar(20)  not null unique,
    type_key              varchar(100) not null references request_type (key),
    category              varchar(40)  not null,
    subject               varchar(200) not null,
    description           text         not null,
    priority              varchar(10)  not null,
    channel               varchar(20)  not null,
    status                varchar(30)  not null,
    requester             varchar(200) not null,
    on_behalf_of          varchar(200),
    submitted_by          varchar(200) not null,
    owner                 varchar(200),
    team                  varchar(100) not null,
    confidential          boolean      not null,
    calendar_key          varchar(100) not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    -- Service-level timers, one per target (fr_ = first response, res_ = resolution). A timer runs
    -- while running_since is set; elapsed_seconds holds the business seconds of finished stretches.
    fr_target_minutes     int          not null,
    fr_elapsed_seconds    bigint       not null,
    fr_running_since      timestamptz,
    fr_due_at             timestamptz  not null,
    fr_at_risk_at         timestamptz  not null,
    fr_completed_at       timestamptz,
    fr_outcome            varchar(10),
    fr_at_risk_notified   boolean      not null,
    fr_breach_notified    boolean      not null,
    res_target_minutes    int          not null,
    res_elapsed_seconds   bigint       not null,
    res_running_since     timestamptz,
    res_due_at            timestamptz  not null,
    res_at_risk_at        timestamptz  not null,
    res_completed_at      timestamptz,
    res_outcome           varchar(10),
    res_at_risk_notified  boolean      not null,
    res_breach_notified   boolean      not null,
    version               bigint       not null
);
create index hr_request_requester_idx on hr_request (requester, created_at desc);
create index hr_request_on_behalf_idx on hr_request (on_behalf_of) where on_behalf_of is not null;
create index hr_request_owner_idx on hr_request (owner) where owner is not null;
create index hr_request_team_idx on hr_request (team, created_at desc);
create index hr_request_created_idx on hr_request (created_at desc, id);
-- The scheduler's work: running timers whose at-risk or due moment has come and is not yet notified.
create index hr_request_fr_due_idx on hr_request (fr_due_at) where fr_running_since is not null and not fr_breach_notified;
create index hr_request_fr_risk_idx on hr_request (fr_at_risk_at) where fr_running_since is not null and not fr_at_risk_notified;
create index hr_request_res_due_idx on hr_request (res_due_at) where res_running_since is not null and not res_breach_notified;
create index hr_request_res_risk_idx on hr_request (res_at_risk_at) where res_running_since is not null and not res_at_risk_notified;
create index hr_request_resolved_idx on hr_request (resolved_at) where status = 'RESOLVED';

create table request_comment (
    id          uuid primary key,
    request_id  uuid         not null references hr_request (id),
    author      varchar(200) not null,
    body        text         not null,
    visibility  varchar(10)  not null,
    created_at  timestamptz  not null
);
create index request_comment_request_idx on request_comment (request_id, created_at, id);
create index request_comment_author_idx on request_comment (author);

create table request_decline (
    id                 uuid primary key,
    request_id         uuid         not null references hr_request (id),
    status             varchar(20)  not null,
    reason             varchar(20)  not null,
    sub_reason         varchar(40),
    explanation        text         not null,
    policy_reference   varchar(300) not null,
    alternative        text,
    previous_status    varchar(30)  not null,
    proposed_by        varchar(200) not null,
    proposed_at        timestamptz  not null,
    decided_by         varchar(200),
    decided_at         timestamptz,
    decision_note      text,
    appeal_statement   text,
    appealed_by        varchar(200),
    appealed_at        timestamptz,
    appeal_outcome     varchar(20),
    appeal_decided_by  varchar(200),
    appeal_decided_at  timestamptz,
    appeal_note        text,
    version            bigint       not null
);
create index request_decline_request_idx on request_decline (request_id, proposed_at desc);
-- At most one proposal waiting for an hr-lead per request, even under concurrency.
create unique index request_decline_one_pending on request_decline (request_id) where status = 'PROPOSED';

create table request_audit (
    id          bigserial primary key,
    request_id  uuid         not null references hr_request (id),
    at          timestamptz  not null,
    actor       varchar(200) not null,
    field       varchar(60)  not null,
    before_value text,
    after_value  text,
    note        text,
    -- Internal entries (internal comments, decline deliberation) are never shown to the requester.
    internal    boolean      not null
);
create index request_audit_request_idx on request_audit (request_id, id);
create index request_audit_actor_idx on request_audit (actor);

-- The history is append-only: no delete, and no update except the pseudonymisation of an erasure,
-- which announces itself with "set local hrloop.erasure = 'on'" and may only rewrite person ids.
create function request_audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'request_audit is append-only';
    end if;
    if coalesce(current_setting('hrloop.erasure', true), '') <> 'on'
            or new.id <> old.id or new.request_id <> old.request_id or new.at <> old.at
            or new.field <> old.field or new.internal <> old.internal then
        raise exception 'request_audit is append-only';
    end if;
    return new;
end;
$$;
create trigger request_audit_append_only before update or delete on request_audit
    for each row execute function request_audit_append_only();
