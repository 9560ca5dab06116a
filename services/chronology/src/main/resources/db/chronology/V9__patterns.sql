-- Patterns in each child's acts (R14, issue 8). The deadline an act set, where it set one (feedback owed: the end
-- of the day it is due by), so that a missed one is found without the event at hand.
alter table chronology_entry add column due_at timestamp(6) with time zone;
create index chronology_entry_type_due on chronology_entry (event_type, due_at);

-- Each pattern announced (PatternDetected), and the acts it was found in: one already announced is not again.
create table pattern_flag (
    pattern_id varchar(36) not null,
    child_id varchar(20) not null,
    rule varchar(100) not null,
    primary key (pattern_id)
);
create index pattern_flag_child on pattern_flag (child_id);
create table pattern_flag_act (
    pattern_id varchar(36) not null,
    event_id varchar(100) not null,
    primary key (pattern_id, event_id)
);
create index pattern_flag_act_event on pattern_flag_act (event_id);
