-- Mail waiting to be sent, written in the transaction of the change (or of the inbox record of the event) that
-- calls for it, so a mail is sent when and only when that change commits, and a redelivered event sends none.
-- It is rendered when written: the relay sends what is here. Sent mail is deleted; a mail that fails
-- hrloop.mail.relay.max-attempts times (or is refused for good) is parked: kept, counted and logged.
create table mail_outbox (
    id               bigserial     primary key,
    -- whom it is for: erasure deletes the person's mail that has not gone yet
    person_id        varchar(200),
    recipient        varchar(320)  not null,
    -- the template it was rendered from (survey-invitation, decline-decision, ...)
    kind             varchar(100)  not null,
    language         varchar(20)   not null,
    subject          varchar(500)  not null,
    text_body        text          not null,
    html_body        text,
    created_at       timestamptz   not null default now(),
    -- when the relay may take it next: now for a new mail, later after a failure (backoff) or while a relay
    -- holds it (its lease), so replicas never send one mail at the same time
    next_attempt_at  timestamptz   not null default now(),
    attempts         int           not null default 0,
    last_error       varchar(2000),
    parked_at        timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where parked_at is null;
create index mail_outbox_person_idx on mail_outbox (person_id) where person_id is not null;
