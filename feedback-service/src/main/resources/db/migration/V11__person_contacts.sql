-- The people feedback-service may mail (README, Mail): their address and language, learned from their own token
-- when they call this service (never from an anonymous submission) or, for a requester, from hr.request.resolved;
-- whether they lead an HR team (follow-up assignments go to the leads of the follow-up's team); and their mail
-- preference (ALL, or ESSENTIAL_ONLY: no survey invitations, no "you said, we did"). No time is kept: when a person
-- called must not sit beside feedback that keeps only its day. Erasure deletes the row.
create table person_contact (
    person_id   varchar(200) primary key,
    email       varchar(320),
    locale      varchar(35),
    team        varchar(100),
    -- HR roles from the token, sorted and comma-separated (hr-lead, er-specialist, ...): who is told of follow-ups
    roles       varchar(200) not null default '',
    mail        varchar(20)  not null default 'ALL',
    version     bigint       not null default 0,
    constraint person_contact_mail_check check (mail in ('ALL', 'ESSENTIAL_ONLY'))
);
create index person_contact_team_idx on person_contact (team) where team is not null;
