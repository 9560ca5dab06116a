-- Challenges to feedback (professional disagreement, R8, issue 9): one row per challenge, its level, deadline and
-- state (owed/query/FeedbackChallengeView), rebuilt with feedback_view from the event store.
create table feedback_challenge_view (
    challenge_key varchar(300) not null,
    feedback_id varchar(255) not null,
    challenge int not null,
    challenged_by varchar(100) not null,
    challenged_to varchar(100) not null,
    reasons varchar(4000) not null,
    challenged_at timestamp(6) with time zone not null,
    level int not null,
    level_to varchar(40) not null,
    addressed_to varchar(100) not null,
    answer_due_by date not null,
    answer_overdue boolean default false not null,
    answer varchar(4000),
    answered_by varchar(100),
    answered_at timestamp(6) with time zone,
    escalation_reason varchar(40),
    escalation_reasons varchar(4000),
    resolved boolean default false not null,
    resolution varchar(4000),
    resolved_by varchar(100),
    resolved_at timestamp(6) with time zone,
    plain_language_warnings varchar(20000),
    primary key (challenge_key)
);
create index feedback_challenge_view_feedback on feedback_challenge_view (feedback_id);
-- the agency a challenge is addressed to at its level reads the feedback it is asked about
alter table feedback_view add column challenge_addressed_to varchar(100);
