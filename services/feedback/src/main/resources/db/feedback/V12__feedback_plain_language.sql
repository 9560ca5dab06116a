-- Jargon found in the latest feedback given (R16, issue 9): a JSON list of {field, term, suggestion}; null when none.
alter table feedback_view add column plain_language_warnings varchar(20000);
