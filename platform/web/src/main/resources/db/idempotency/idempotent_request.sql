-- Idempotency-Key on commands (issue 13 part 6; IdempotencyKeys): each agency's keys, the request they were first
-- used for (a SHA-256 of method, path, query and body) and, once answered, the answer a retry gets again. Kept for
-- backbone.web.idempotency.retention (a day by default). Created in every service by its IdempotentRequestsMigration.
create table idempotent_request (
    agency varchar(100) not null,
    idempotency_key varchar(100) not null,
    fingerprint varchar(64) not null,
    state varchar(20) not null,
    created_at timestamp(6) with time zone not null,
    response_status integer,
    response_location varchar(2000),
    response_content_type varchar(200),
    response_body varchar(1000000),
    primary key (agency, idempotency_key)
);
create index idempotent_request_age on idempotent_request (created_at);
