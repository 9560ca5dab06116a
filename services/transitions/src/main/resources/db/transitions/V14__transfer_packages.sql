-- Transfer packages (R12, issue 9 part 3). The shares each agency holds about each child, from the referrals
-- service's events: what a package lists (provenance, purpose, consent, lawful basis), not their content.
create table held_share (
    share_id varchar(255) not null,
    child_id varchar(20) not null,
    sender_agency varchar(100) not null,
    shared_at timestamp(6) with time zone not null,
    purpose varchar(4000),
    consent_status varchar(20),
    lawful_basis varchar(2000),
    primary key (share_id)
);
create index held_share_child on held_share (child_id);
create table held_share_holder (
    share_id varchar(255) not null references held_share (share_id),
    agency varchar(100) not null,
    primary key (share_id, agency)
);
-- The package sent with a move, its acknowledgement and deadline (transfer-view).
alter table transfer_view add column package_items varchar(100000);
alter table transfer_view add column package_acknowledge_by timestamp(6) with time zone;
alter table transfer_view add column package_status varchar(20);
alter table transfer_view add column package_missing varchar(4000);
alter table transfer_view add column package_acknowledged_at timestamp(6) with time zone;
alter table transfer_view add column package_overdue boolean default false not null;
