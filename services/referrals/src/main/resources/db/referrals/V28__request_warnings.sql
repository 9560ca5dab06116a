-- Jargon found in why a request's information is needed and in its concern (R16): a JSON list of
-- {field, term, suggestion}; null when none (and for requests recorded before they were checked).
alter table request_view add column request_warnings varchar(20000);
