-- Looking for patterns after an act reads only the acts its rules' windows and its record hold, not the child's
-- whole history (issue 11/12: a call's cost must not grow with a child's shares): the acts of one kind about a child
-- in a period, and the acts on one record (also the deadline sweep's and "who knew this"'s way in).
create index chronology_entry_child_kind on chronology_entry (child_id, event_type, occurred_at);
create index chronology_entry_subject on chronology_entry (subject);
