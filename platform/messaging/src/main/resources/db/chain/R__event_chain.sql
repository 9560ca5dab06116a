-- Tamper evidence for the event store (issue 12, docs/reliability.md "Tamper evidence"), H2 and PostgreSQL alike.
-- Each stored event's link: the SHA-256 of its stored columns and of the link before it in its aggregate.
-- Written in the transaction that stores the event (ChainedJpaEventStorageEngine); checked by EventChain.verify.
create table if not exists event_chain (
    global_index bigint not null primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    hash varchar(64) not null,
    chained_at timestamp not null,
    unique (aggregate_identifier, sequence_number)
);
create index if not exists event_chain_chained_at on event_chain (chained_at);

-- Signed checkpoints: every so often the newest link of each aggregate changed since the last checkpoint, signed
-- (Ed25519) with a key kept outside the database, each signature covering the one before it.
create table if not exists event_chain_checkpoint (
    id bigint not null primary key,
    created_at timestamp not null,
    key_id varchar(64) not null,
    digest varchar(64) not null,
    signature varchar(200) not null
);

create table if not exists event_chain_checkpoint_head (
    checkpoint_id bigint not null,
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    hash varchar(64) not null,
    primary key (checkpoint_id, aggregate_identifier)
);
