-- Follow-ups of feedback about a confidential request are seen only by employee-relations specialists.
alter table follow_up add column confidential boolean not null default false;
update follow_up u set confidential = true from feedback f where f.id = u.feedback_id and f.confidential;
