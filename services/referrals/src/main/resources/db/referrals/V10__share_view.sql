-- The share read model (share/query/ShareView), rebuilt from the event store on replay.
create table share_view (
    share_id varchar(255) not null,
    child_id varchar(255),
    sender_agency varchar(255),
    purpose varchar(4000),
    shared_at timestamp(6) with time zone,
    recorded_at timestamp(6) with time zone,
    correlation_id varchar(100),
    content_json varchar(100000),
    acknowledge_by timestamp(6) with time zone,
    written_follow_up_by timestamp(6) with time zone,
    written_follow_up_at timestamp(6) with time zone,
    acknowledgement_overdue boolean not null default false,
    written_follow_up_overdue boolean not null default false,
    thread_json varchar(100000),
    primary key (share_id)
);

create table share_view_recipient (
    share_id varchar(255) not null references share_view (share_id),
    position integer not null check (position >= 0),
    agency varchar(255),
    acknowledged_at timestamp(6) with time zone,
    read_at timestamp(6) with time zone,
    understood_at timestamp(6) with time zone,
    status varchar(30) not null,
    primary key (position, share_id)
);

create index share_view_child on share_view (child_id);
create index share_view_recipient_inbox on share_view_recipient (agency, status);
