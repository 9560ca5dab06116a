-- Jargon found in what a joining agency said is missing from a transfer package (R16): a JSON list of
-- {field, term, suggestion}; null when none (and for acknowledgements recorded before it was checked).
alter table transfer_view add column package_missing_warnings varchar(20000);
