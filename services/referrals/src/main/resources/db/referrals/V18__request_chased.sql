-- Requests for information chased (R11, issue 9 part 4): overdue once the reply date has ended, then escalated.
alter table request_view add column overdue boolean default false not null;
alter table request_view add column escalation_level int;
alter table request_view add column escalated_to varchar(100);
create index request_view_holder on request_view (holder_agency, status);
create index request_view_requester on request_view (requesting_agency, status);
