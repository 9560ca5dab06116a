-- The request read model (request/query/RequestView), rebuilt from the event store on replay.
create table request_view (
    request_id varchar(255) not null,
    child_id varchar(255),
    requesting_agency varchar(255),
    requested_by varchar(255),
    holder_agency varchar(255),
    why_needed varchar(4000),
    concern varchar(4000),
    respond_by date,
    requested_at timestamp(6) with time zone,
    status varchar(255),
    share_id varchar(255),
    decided_by varchar(255),
    decline_reasons varchar(4000),
    decided_at timestamp(6) with time zone,
    primary key (request_id)
);
