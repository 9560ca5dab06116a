-- The written follow-up of a verbal share, as the sender recorded it (R7, issue 9 part 4): its recipients read the
-- text, not only when it was written. Null for shares followed up before this was kept, until a rebuild fills it.
alter table share_view add column written_follow_up varchar(20000);
