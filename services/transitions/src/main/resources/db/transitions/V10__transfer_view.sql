-- The transfer read model (transfer/query/TransferView), rebuilt from the event store on replay.
create table transfer_view (
    transfer_id varchar(255) not null,
    child_id varchar(255),
    from_agency varchar(255),
    to_agency varchar(255),
    reason varchar(4000),
    moved_on date,
    recorded_by varchar(255),
    recorded_at timestamp(6) with time zone,
    primary key (transfer_id)
);
create index transfer_view_child on transfer_view (child_id);
