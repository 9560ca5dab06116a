-- Reviews of a child's case (review/query/ReviewView): opened by a safeguarding partnership for a reviewer.
create table review_view (
    review_id varchar(255) not null,
    child_id varchar(20) not null,
    opened_by varchar(100) not null,
    reviewer_agency varchar(100) not null,
    reviewer_person varchar(200),
    reason varchar(4000),
    legal_basis varchar(1000),
    period_from date not null,
    period_to date not null,
    expires_at timestamp(6) with time zone not null,
    opened_at timestamp(6) with time zone,
    status varchar(20) not null,
    closed_at timestamp(6) with time zone,
    closing_reason varchar(4000),
    correlation_id varchar(255),
    primary key (review_id)
);
create index review_view_child on review_view (child_id);

-- A read under a review is recorded with the review it was made under.
alter table chronology_access add column review_id varchar(255);
alter table chronology_access add column resource varchar(200);
update chronology_access set resource = 'chronology';
