-- Corrections, withdrawal and later verification of a share (issue 13 part 1, R4, R5). The original statements stay
-- as they were shared (content_json); each correction or withdrawal is a row, with where each agency holding the
-- share is with acknowledging it; each later verification a row.
alter table share_view add column withdrawn_at timestamp(6) with time zone;
alter table share_view add column withdrawal_reason varchar(4000);
-- the earliest deadline of a correction the recipient has not acknowledged (null: none waiting), and whether one
-- such deadline has passed
alter table share_view_recipient add column correction_due_by timestamp(6) with time zone;
alter table share_view_recipient add column correction_overdue boolean default false not null;

create table share_view_correction (
    share_id varchar(255) not null references share_view (share_id),
    position integer not null check (position >= 0),
    correction integer not null,
    kind varchar(30) not null,
    statement_index integer,
    statement_json varchar(20000),
    reason varchar(4000) not null,
    corrected_at timestamp(6) with time zone not null,
    acknowledge_by timestamp(6) with time zone not null,
    warnings_json varchar(1000000),
    recipients_json varchar(100000) not null,
    primary key (share_id, position)
);

create table share_view_verification (
    share_id varchar(255) not null references share_view (share_id),
    position integer not null check (position >= 0),
    statement_index integer not null,
    verification varchar(20) not null,
    verified_by varchar(200) not null,
    agency varchar(255) not null,
    at timestamp(6) with time zone not null,
    primary key (share_id, position)
);
