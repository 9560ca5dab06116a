-- Jargon found in the reason consent was withdrawn and in the justification for sharing on (R16): a JSON list of
-- {field, term, suggestion}; null when none (and for withdrawals recorded before they were checked). A share's own
-- withdrawal keeps its warnings with its correction entry (share_view_correction.warnings_json).
alter table share_view add column consent_withdrawal_warnings varchar(20000);
