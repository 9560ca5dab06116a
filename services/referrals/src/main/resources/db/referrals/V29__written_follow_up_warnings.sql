-- Jargon found in the written record that followed a verbal share up (R16): a JSON list of {field, term, suggestion};
-- null when none (and for records written before it was checked).
alter table share_view add column written_follow_up_warnings varchar(20000);
