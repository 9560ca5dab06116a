-- Jargon found in the reasons for declining a request (R16, issue 9): a JSON list of {field, term, suggestion};
-- null when none.
alter table request_view add column decline_warnings varchar(20000);
