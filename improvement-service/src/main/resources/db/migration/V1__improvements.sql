-- improvement-service schema: the improvement backlog with its evidence, lessons and comments, the
-- projection of feedback per area (for verification) and the log of service-level breaches.

create table improvement_item (
    id                     uuid primary key,
    title                  varchar(200) not null,
    problem                text         not null,
    -- a request type key, a process key or hr-general
    area                   varchar(100) not null,
    -- themes of the taxonomy, written ",speed,communication," so that one LIKE finds a theme
    themes                 varchar(200) not null,
    status                 varchar(20)  not null,
    origin                 varchar(20)  not null,
    owner                  varchar(200),
    -- estimated effort in person-days; priority stays null until it is known
    effort                 numeric(8, 2) check (effort > 0),
    target_date            date,
    impact_score           double precision not null,
    priority               double precision,
    evidence_count         int          not null,
    distinct_people        int          not null,
    -- "<area>|<seed theme>" for items spawned from feedback or breaches: the backstop below
    gap_key                varchar(130),
    status_reason          text,
    merged_into            uuid references improvement_item (id),
    implemented_at         timestamptz,
    implementation_summary text,
    verified_at            timestamptz,
    -- the verification report (JSON) attached when the item became VERIFIED
    verification           text,
    created_by             varchar(200) not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null
);
create index improvement_item_area_idx on improvement_item (area, status);
create index improvement_item_priority_idx on improvement_item ((coalesce(priority, -1)) desc, impact_score desc, id);
create index improvement_item_created_idx on improvement_item (created_at desc, id);
create index improvement_item_open_idx on improvement_item (status) where status in ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS');
-- Backstop of the advisory lock taken per area: never two open items spawned for one gap.
create unique index improvement_item_one_open_gap on improvement_item (gap_key)
    where gap_key is not null and status in ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS');

create table improvement_evidence (
    id            uuid primary key,
    item_id       uuid         not null references improvement_item (id),
    kind          varchar(10)  not null,
    -- the feedback id, or "<requestId>:<target>" for a breach
    source_id     varchar(120) not null,
    -- signed feedback only; never set for anonymous feedback (a pseudonym after erasure)
    person_id     varchar(200),
    anonymous     boolean      not null,
    csat          int,
    ces           int,
    nps           int,
    sentiment     double precision,
    frustrated    boolean      not null,
    themes        varchar(200) not null,
    excerpt       varchar(400),
    -- request reference and id: signed feedback and breaches only
    reference     varchar(40),
    request_id    varchar(64),
    breach_target varchar(20),
    -- a day only: anonymous feedback carries no precise time
    occurred_on   date         not null,
    -- null for anonymous feedback, for the same reason
    linked_at     timestamptz,
    -- the item this evidence came from when that item was merged into this one
    merged_from   uuid
);
-- One piece of feedback or one breach is evidence of one item only: nothing is counted twice.
create unique index improvement_evidence_once on improvement_evidence (kind, source_id);
create index improvement_evidence_item_idx on improvement_evidence (item_id);
create index improvement_evidence_person_idx on improvement_evidence (person_id) where person_id is not null;

-- Every hr.feedback.received, negative or not: scores per area and day, for before/after verification.
-- No person, no precise time.
create table area_feedback (
    feedback_id  uuid primary key,
    area         varchar(100) not null,
    csat         int,
    nps          int,
    ces          int,
    sentiment    double precision not null,
    received_on  date         not null
);
create index area_feedback_area_idx on area_feedback (area, received_on);

create table sla_breach (
    id            uuid primary key,
    -- "<requestId>:<target>", the evidence source id once linked
    breach_key    varchar(120) not null unique,
    request_id    uuid         not null,
    reference     varchar(40)  not null,
    request_type  varchar(100) not null,
    team          varchar(100) not null,
    target        varchar(20)  not null,
    due_at        timestamptz  not null,
    occurred_at   timestamptz  not null
);
create index sla_breach_type_idx on sla_breach (request_type, occurred_at);

create table improvement_lesson (
    id          uuid primary key,
    item_id     uuid         not null references improvement_item (id),
    kind        varchar(20)  not null,
    title       varchar(200) not null,
    body        text         not null,
    author      varchar(200) not null,
    created_at  timestamptz  not null,
    -- full-text search of the knowledge list (English stemming); not mapped by Hibernate
    search      tsvector generated always as (
                    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored
);
create index improvement_lesson_search_idx on improvement_lesson using gin (search);
create index improvement_lesson_item_idx on improvement_lesson (item_id, created_at);
create index improvement_lesson_created_idx on improvement_lesson (created_at desc, id);

create table improvement_comment (
    id          uuid primary key,
    item_id     uuid         not null references improvement_item (id),
    author      varchar(200) not null,
    body        text         not null,
    created_at  timestamptz  not null
);
create index improvement_comment_item_idx on improvement_comment (item_id, created_at, id);
