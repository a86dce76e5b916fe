-- Issue 14: PROCESS subjects come from a managed list with aliases. A name nobody has listed is still accepted: it
-- is recorded as an UNREVIEWED process (its own key) until an admin maps it to a listed process.

create table process (
    key        varchar(100) primary key,
    name       varchar(200) not null,
    -- REVIEWED (listed by HR) or UNREVIEWED (met in feedback or an item, waiting for review)
    status     varchar(20)  not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null
);
create index process_status_idx on process (status, key);

-- Every normalised form that leads to a process: its key, its name and its aliases (io.hrloop.improvement.domain.ProcessNames).
create table process_alias (
    normalised  varchar(100) primary key,
    process_key varchar(100) not null references process (key) on delete cascade,
    -- the alias as HR wrote it (or the key or name it stands for)
    alias       varchar(200) not null,
    -- true: written by HR as an alias (listed); false: the key's or name's own form
    listed      boolean      not null
);
create index process_alias_process_idx on process_alias (process_key);
