-- Summaries are kept whole (ChronologyEntry.MAX_SUMMARY): a share's purpose and consent justification alone may
-- run to 8,000 characters, and version 0.1 cut every summary at 1,000 without saying so.
alter table chronology_entry alter column summary set data type varchar(20000);
