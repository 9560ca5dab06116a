-- A share's thread (questions, answers, recorded uses) as one row per entry (issue 13 part 6): as one JSON column it
-- had a total size, and once about 250 long entries filled it, every later question and answer failed with a 500.
-- Each entry is bounded instead (4,000 characters of text through the API). V22 moves the stored threads here.
create table share_view_thread (
    share_id varchar(255) not null references share_view (share_id),
    position integer not null check (position >= 0),
    kind varchar(20) not null,
    question_id varchar(100),
    agency varchar(255) not null,
    text varchar(20000) not null,
    at timestamp(6) with time zone not null,
    warnings_json varchar(1000000),
    primary key (share_id, position)
);
