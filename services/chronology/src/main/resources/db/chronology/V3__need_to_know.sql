-- Need to know (R10, ADR 0008): who was party to each act, and the child's area, replace "involved with the child,
-- so reads everything".

alter table chronology_entry add column subject varchar(200);

-- Each agency party to an act reads that entry in full; being party to any act is being involved with the child.
create table chronology_entry_party (
    event_id varchar(100) not null,
    agency varchar(100) not null,
    child_id varchar(20) not null,
    event_type varchar(100) not null,
    occurred_at timestamp(6) with time zone not null,
    primary key (event_id, agency)
);
create index chronology_entry_party_child on chronology_entry_party (child_id, agency);

-- The parties of each record (a share, a request, feedback, a transfer), so every act on it reaches all of them.
create table chronology_subject_party (
    subject varchar(200) not null,
    agency varchar(100) not null,
    child_id varchar(20) not null,
    primary key (subject, agency)
);

-- The child's area, from which the lead agency follows.
create table child_area (
    child_id varchar(20) not null,
    area varchar(100) not null,
    basis varchar(300) not null,
    by_transfer boolean not null,
    since timestamp(6) with time zone not null,
    primary key (child_id)
);

-- On what basis each read was granted (null when refused).
alter table chronology_access add column basis varchar(30);

-- Entries recorded before this version name only their acting agency as party: the conservative reading. Rebuilding
-- the chronology from the topics restores every party.
insert into chronology_entry_party (event_id, agency, child_id, event_type, occurred_at)
    select event_id, agency, child_id, event_type, occurred_at from chronology_entry;
drop table child_involvement;
