-- Self-service deflection: a person saw suggestions before submitting a request of a type; the submission
-- that follows may name the view. Erasure sets viewer to null (the view still counts, as nobody's).
create table suggestion_view (
    id             uuid primary key,
    viewer         varchar(200),
    type_key       varchar(100) not null references request_type (key),
    -- ["<suggestion id>", ...] as improvement-service gave them
    suggestion_ids text         not null,
    viewed_at      timestamptz  not null,
    -- the first request that named this view
    request_id     uuid references hr_request (id),
    submitted_at   timestamptz
);
create index suggestion_view_viewed_idx on suggestion_view (viewed_at, type_key);
create index suggestion_view_viewer_idx on suggestion_view (viewer) where viewer is not null;
