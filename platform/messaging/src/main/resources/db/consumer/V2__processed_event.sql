-- Integration events a consumer has acted on (ProcessedEvents): Kafka redelivers, consumers must not act twice.
create table processed_event (
    consumer varchar(100) not null,
    event_id varchar(100) not null,
    processed_at timestamp(6) with time zone not null,
    primary key (consumer, event_id)
);
