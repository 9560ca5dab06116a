-- Jargon found in a move's reason (R16): a JSON list of {field, term, suggestion}; null when none (and for moves
-- recorded before it was checked).
alter table transfer_view add column reason_warnings varchar(20000);
