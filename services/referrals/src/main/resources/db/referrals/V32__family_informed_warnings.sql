-- Jargon found in how the family was told what was shared (R16): a JSON list of {field, term, suggestion}; null
-- when none (and for records written before it was checked).
alter table share_view add column family_informed_warnings varchar(20000);
