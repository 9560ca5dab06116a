-- The feedback read model (owed/query/FeedbackView), rebuilt from the event store on replay.
create table feedback_view (
    feedback_id varchar(255) not null,
    share_id varchar(255),
    child_id varchar(255),
    owed_by varchar(255),
    owed_to varchar(255),
    due_by date,
    requested_at timestamp(6) with time zone,
    given_at timestamp(6) with time zone,
    action_taken varchar(4000),
    outcome varchar(4000),
    correlation_id varchar(100),
    primary key (feedback_id)
);
create index feedback_view_owed_by on feedback_view (owed_by);
create index feedback_view_owed_to on feedback_view (owed_to);
