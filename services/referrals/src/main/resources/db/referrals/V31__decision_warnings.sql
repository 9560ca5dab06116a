-- Jargon found in the reasons for a decision not to share (R16): a JSON list of {field, term, suggestion}; null when
-- none (and for decisions recorded before they were checked).
alter table decision_view add column reasons_warnings varchar(20000);
