-- Decisions not to share (decision/query/DecisionView), rebuilt from the event store on replay.
create table decision_view (
    decision_id varchar(255) not null,
    child_id varchar(255),
    deciding_agency varchar(255),
    decided_by varchar(255),
    considered_agencies varchar(2000),
    reasons varchar(4000),
    decided_at timestamp(6) with time zone,
    primary key (decision_id)
);
