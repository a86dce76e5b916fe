-- Who has been erased, so that an event published before an erasure and consumed after it (hr.requests or
-- hr.feedback lagging behind hr.people) cannot name the person again: a suppression list. It keeps no readable id:
-- the key is SHA-256 of a fixed prefix and the person id (ErasedPeople), so the list itself names no one; the
-- pseudonym is what the erasure wrote in their place, for the late event to write too. Kept for good: a late event
-- may come at any time.
create table erased_person (
    person_key  bytea        primary key,
    pseudonym   varchar(200) not null,
    erased_at   timestamptz  not null
);
