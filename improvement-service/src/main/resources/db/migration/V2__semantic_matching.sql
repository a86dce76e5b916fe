-- Semantic matching and knowledge search (module text-analysis): embeddings stored in bounded form.
-- Vectors are binary (io.hrloop.text.RunningMean / EvidenceProfile .toBytes()): 384 dimensions of e5-small-v2.

-- The running centroid and at most 8 exemplar embeddings of an item's feedback evidence (about 15 KB),
-- updated when evidence joins, so matching a complaint costs the same however much evidence an item has.
alter table improvement_item add column evidence_profile bytea;

-- The centre of each area: the running mean of the embeddings of all feedback comments of the area.
-- Complaints are compared after moving them by it, so the area's own subject does not make them alike.
create table area_centre (
    area        varchar(100) primary key,
    centre      bytea        not null,
    updated_at  timestamptz  not null
);

-- The embedding of a lesson's title and body, for knowledge search blended with full-text search.
alter table improvement_lesson add column embedding bytea;
