-- Consultation before closure (R13, issue 9 part 5). Each agency's latest act about a child, to know who was
-- involved lately (backfilled with the first, the only one known before).
alter table child_involvement add column last_act_at timestamp(6) with time zone;
update child_involvement set last_act_at = since;

-- A consultation as it stands (closure/query/ConsultationView): one row, and one per agency consulted.
create table consultation_view (
    consultation_id varchar(255) not null,
    child_id varchar(20) not null,
    closing_agency varchar(100) not null,
    reason varchar(4000) not null,
    answer_by date not null,
    opened_at timestamp(6) with time zone not null,
    status varchar(20) not null,
    closed_at timestamp(6) with time zone,
    correlation_id varchar(255),
    plain_language_warnings varchar(20000),
    primary key (consultation_id)
);
create index consultation_view_child on consultation_view (child_id);
create table consultation_view_consultee (
    consultation_id varchar(255) not null references consultation_view (consultation_id),
    position integer not null,
    agency varchar(100) not null,
    answer varchar(20),
    reasons varchar(4000),
    answered_at timestamp(6) with time zone,
    no_reply boolean default false not null,
    settled_how varchar(20),
    settlement varchar(4000),
    settled_at timestamp(6) with time zone,
    primary key (consultation_id, position)
);
create index consultation_view_consultee_agency on consultation_view_consultee (agency);
