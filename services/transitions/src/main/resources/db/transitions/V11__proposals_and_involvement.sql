-- A move the joining agency proposes, until the agency the child left confirms it (R12), in the conversation it
-- started.
alter table transfer_view add column status varchar(20);
alter table transfer_view add column proposed_by varchar(255);
alter table transfer_view add column proposed_at timestamp(6) with time zone;
update transfer_view set status = 'CONFIRMED';

-- Which agencies have worked with which child (from every service's events): only such an agency records a move.
create table child_involvement (
    child_id varchar(20) not null,
    agency varchar(100) not null,
    since timestamp(6) with time zone not null,
    primary key (child_id, agency)
);
alter table transfer_view add column correlation_id varchar(255);
