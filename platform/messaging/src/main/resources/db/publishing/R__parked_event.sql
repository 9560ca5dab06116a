-- Events an operator parked because the publisher could never publish them (publish/ParkedEvents,
-- docs/reliability.md): the publisher skips them, and they wait here until republished. Shared by every service that
-- publishes; a repeatable migration (and idempotent), so it takes no version number from any service's sequence.
create table if not exists parked_event (
    event_id varchar(100) not null primary key,
    event_type varchar(300) not null,
    aggregate_id varchar(100) not null,
    sequence_number bigint not null,
    reason varchar(2000) not null,
    parked_by varchar(100) not null,
    parked_at timestamp(6) with time zone not null,
    republished_by varchar(100),
    republished_at timestamp(6) with time zone
);
