-- Late feedback chased (R8, issue 9): overdue once its due day has ended, then escalated step by step.
alter table feedback_view add column overdue boolean default false not null;
alter table feedback_view add column escalation_level int;
alter table feedback_view add column escalated_to varchar(100);
