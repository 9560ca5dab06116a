-- The per-child chronology (timeline/query): one row per integration event, keyed by its event id, so a redelivered
-- or re-published event is recognised and never listed twice.
create table chronology_entry (
    event_id varchar(100) not null,
    child_id varchar(20) not null,
    occurred_at timestamp(6) with time zone not null,
    recorded_at timestamp(6) with time zone not null,
    agency varchar(100) not null,
    event_type varchar(100) not null,
    summary varchar(1000) not null,
    correlation_id varchar(100),
    source_topic varchar(200) not null,
    source_partition integer not null,
    source_offset bigint not null,
    primary key (event_id)
);
create index chronology_entry_child on chronology_entry (child_id, occurred_at);

-- Which agencies have been involved with a child (sender, recipient, owing or owed feedback, either side of a move):
-- the agencies that may read the child's chronology.
create table child_involvement (
    child_id varchar(20) not null,
    agency varchar(100) not null,
    since timestamp(6) with time zone not null,
    primary key (child_id, agency)
);

-- Every read of a child's chronology, and every refusal (R10: reading child data is itself on the record).
create table chronology_access (
    id varchar(36) not null,
    child_id varchar(20) not null,
    agency varchar(100) not null,
    accessed_at timestamp(6) with time zone not null,
    granted boolean not null,
    primary key (id)
);
create index chronology_access_child on chronology_access (child_id);
