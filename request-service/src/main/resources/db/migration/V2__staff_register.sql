-- The staff register: people seen with an HR role (from their tokens) or entered by hr-admin, with their
-- team. Only an active hr-agent or hr-lead of a request's team (an er-specialist for a confidential case)
-- may own a request.
create table staff_member (
    person_id     varchar(200) primary key,
    team          varchar(100),
    -- HR roles, sorted and comma-separated (hr-agent,hr-lead,...); empty when the person has none left
    roles         varchar(200) not null,
    -- false: hr-admin took the person out; no request can be given to them, whatever their token says
    active        boolean      not null,
    -- who last set team and roles: TOKEN (a sighting) or ADMIN (PUT /api/v1/staff/{personId})
    source        varchar(10)  not null,
    last_seen_at  timestamptz,
    updated_at    timestamptz  not null,
    updated_by    varchar(200),
    version       bigint       not null
);
create index staff_member_team_idx on staff_member (team, person_id);
