-- Survey invitations (one per resolved request at most, throttled per person) and every piece of
-- feedback, survey answers and unsolicited alike.
create table survey_invitation (
    id            uuid         primary key,
    token         varchar(64)  not null unique,
    request_id    uuid         not null,
    reference     varchar(20)  not null,
    subject       varchar(200),
    request_type  varchar(100) not null,
    team          varchar(100) not null,
    person_id     varchar(200) not null,
    status        varchar(20)  not null check (status in ('PENDING', 'ANSWERED', 'WITHDRAWN')),
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    closed_at     timestamptz,
    feedback_id   uuid
);
create index survey_invitation_person_idx on survey_invitation (person_id, created_at desc);
create unique index survey_invitation_pending_request_idx on survey_invitation (request_id) where status = 'PENDING';

create table feedback (
    id               uuid          primary key,
    source           varchar(20)   not null check (source in ('SURVEY', 'UNSOLICITED')),
    subject_type     varchar(20)   not null check (subject_type in ('REQUEST', 'REQUEST_TYPE', 'PROCESS', 'GENERAL')),
    subject_key      varchar(100),
    request_id       uuid,
    reference        varchar(20),
    request_type     varchar(100),
    team             varchar(100),
    confidential     boolean       not null,
    csat             int           check (csat between 1 and 5),
    ces              int           check (ces between 1 and 7),
    nps              int           check (nps between 0 and 10),
    comment          varchar(2000),
    chosen_themes    varchar(200)  not null,
    detected_themes  varchar(200)  not null,
    sentiment        double precision check (sentiment between -1 and 1),
    frustrated       boolean       not null,
    anonymous        boolean       not null,
    author           varchar(200),
    received_on      date          not null,
    created_at       timestamptz,
    comment_erased   boolean       not null default false,
    -- Anonymous feedback keeps no identity and no time finer than the day.
    constraint feedback_anonymous_keeps_no_identity check (not anonymous or (author is null and created_at is null)),
    constraint feedback_signed_has_author check (anonymous or author is not null)
);
create index feedback_author_idx on feedback (author, received_on desc, id) where author is not null;
create index feedback_received_idx on feedback (received_on desc, id);
create index feedback_request_idx on feedback (request_id) where request_id is not null;

-- Idempotency-Key replay for anonymous submissions. The shared idempotency_record table would tie
-- the caller and the precise time to the feedback; this keeps only a hash of the key and body.
create table anonymous_submission (
    fingerprint  varchar(64) primary key,
    feedback_id  uuid        not null,
    received_on  date        not null
);

create index request_snapshot_type_idx on request_snapshot (request_type, last_event_time desc);
