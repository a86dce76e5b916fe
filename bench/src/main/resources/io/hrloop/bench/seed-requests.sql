-- ${rows} requests over the last two years in request-service's schema (V1__requests.sql), ids and
-- references (BN-0000001...) derived from the row number so that a second run finds them. Types,
-- teams and shares follow the demo catalogue; 50,000 employees, 2,000 managers filing on behalf,
-- an HR integration; status by age; SLA notifications marked as sent so the scanner stays quiet.
-- No audit rows: no list reads them.
select setseed(0.42);
insert into hr_request (id, reference, type_key, category, subject, description, priority, channel, status, requester,
    on_behalf_of, submitted_by, owner, team, confidential, calendar_key, created_at, updated_at, resolved_at, closed_at,
    fr_target_minutes, fr_elapsed_seconds, fr_running_since, fr_due_at, fr_at_risk_at, fr_completed_at, fr_outcome,
    fr_at_risk_notified, fr_breach_notified, res_target_minutes, res_elapsed_seconds, res_running_since, res_due_at,
    res_at_risk_at, res_completed_at, res_outcome, res_at_risk_notified, res_breach_notified, version)
with x as (
    select g, created,
           case when r1 < 0.35 then 0 when r1 < 0.65 then 1 when r1 < 0.80 then 2 when r1 < 0.95 then 3 else 4 end as ti,
           case when now() - created > interval '21 days'
                then case when r2 < 0.96 then 'CLOSED' when r2 < 0.99 then 'DECLINED' else 'IN_PROGRESS' end
                else case when r2 < 0.2 then 'SUBMITTED' when r2 < 0.35 then 'ASSIGNED' when r2 < 0.6 then 'IN_PROGRESS'
                          when r2 < 0.7 then 'WAITING_ON_CUSTOMER' else 'CLOSED' end end as status,
           case when r3 < 0.8 then 'self' when r3 < 0.9 then 'manager' else 'service' end as filer,
           'emp-' || (1000 + floor(r4 * 50000))::int as emp,
           'mgr-' || (3000 + floor(r5 * 2000))::int as mgr,
           case when r6 < 0.25 then 'LOW' when r6 < 0.8 then 'NORMAL' when r6 < 0.95 then 'HIGH' else 'URGENT' end as priority,
           floor(r7 * 6)::int as si, floor(r8 * 40)::int as agent, r9, r10
    from (select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                 random() r8, random() r9, random() r10, now() - random() * interval '730 days' as created
          from generate_series(1, ${rows}) g) raw
), y as (
    select x.*,
           (array['payroll-query','leave-request','benefits-question','policy-advice','employee-relations-concern'])[ti + 1] as type_key,
           (array['payroll','leave','benefits','policy','employee-relations'])[ti + 1] as category,
           (array['payroll','people-services','benefits','policy','employee-relations'])[ti + 1] as team,
           (array['Overtime missing from my payslip','Tax code looks wrong this month','Bonus not paid',
                  'Question about salary sacrifice','Payslip shows the wrong hours','Expenses not paid with salary',
                  'Book parental leave','Carry over unused holiday','Sick leave not recorded','Unpaid leave request',
                  'Holiday balance is wrong','Compassionate leave after a bereavement',
                  'Add my partner to health insurance','Change my pension contribution','Cycle to work scheme',
                  'Dental cover question','Gym membership benefit','Life assurance beneficiary',
                  'Remote work policy question','Working abroad for a month','Is overtime paid or time off in lieu',
                  'Policy on second jobs','Dress code clarification','Travel policy for conferences',
                  'Concern about my manager','Report of bullying','Grievance about a decision','Conflict in my team',
                  'Harassment report','Discrimination concern'])[ti * 6 + si + 1] as topic,
           case when status in ('CLOSED', 'DECLINED') then created + r9 * interval '6 days' end as finished
    from x
)
select md5('bench-request-' || g)::uuid, 'BN-' || lpad(g::text, 7, '0'), type_key, category,
       topic || ' (' || to_char(created, 'Mon YYYY') || ')',
       'Hello HR, ' || lower(topic) || '. I noticed it on ' || to_char(created, 'DD Mon') || ' and my manager asked me to '
           || 'raise it here. Could you check and tell me what happens next? Case note ' || g || '. Thanks.',
       priority, case filer when 'service' then 'API' else 'PORTAL' end, status,
       case filer when 'manager' then mgr else emp end,
       case filer when 'manager' then emp end,
       case filer when 'service' then 'svc-hris' when 'manager' then mgr else emp end,
       case when status = 'SUBMITTED' or (status = 'DECLINED' and r10 < 0.3) then null
            else 'agent-' || (2001 + ti * 100 + agent) end,
       team, ti = 4, 'hr-standard', created, coalesce(finished, created + r10 * interval '2 days'),
       case when status = 'CLOSED' then finished end, case when status = 'CLOSED' then finished end,
       480, 0, case when status in ('SUBMITTED', 'ASSIGNED') then created end,
       created + interval '1 day', created + interval '19 hours',
       case when status not in ('SUBMITTED', 'ASSIGNED') then created + r10 * interval '1 day' end,
       case when status not in ('SUBMITTED', 'ASSIGNED') then case when r10 < 0.9 then 'ATTAINED' else 'BREACHED' end end,
       created + interval '19 hours' < now() + interval '30 days', created + interval '1 day' < now() + interval '30 days',
       2400, 0, case when status in ('SUBMITTED', 'ASSIGNED', 'IN_PROGRESS') then created end,
       created + interval '5 days', created + interval '4 days', finished,
       case when finished is not null then case when r9 < 0.88 then 'ATTAINED' else 'BREACHED' end end,
       true, true, case status when 'SUBMITTED' then 0 else 3 end
from y;
