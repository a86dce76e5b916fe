-- hr.feedback.received of anonymous feedback waits here and is released in shuffled batches, so that
-- neither its moment of publication nor its place among other events on the topic tells when it was
-- given. No time is kept: the event carries only the date.
create table anonymous_release (
    feedback_id  uuid  primary key,
    payload      text  not null
);
