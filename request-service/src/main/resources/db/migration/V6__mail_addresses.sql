-- Mail (README, Mail). The requester's address and language are kept on the request only while a mail to them
-- may still be due (the decline decision; the survey invitation travels with hr.request.resolved): they are
-- cleared when the request reaches a final status, and by erasure. The staff register learns each member's
-- address and language from their token, for service-level alerts.
alter table hr_request add column requester_email varchar(320);
alter table hr_request add column requester_locale varchar(35);
alter table staff_member add column email varchar(320);
alter table staff_member add column locale varchar(35);
