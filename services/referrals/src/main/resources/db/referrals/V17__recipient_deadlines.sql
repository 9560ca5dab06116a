-- Each recipient's own acknowledgement deadline (R11, issue 9 part 4): a school's clock runs only while it is open.
-- Null: due at the share's acknowledge_by (every recipient of a share stored before). Overdue per recipient.
alter table share_view_recipient add column acknowledge_by timestamp(6) with time zone;
alter table share_view_recipient add column acknowledgement_overdue boolean default false not null;
update share_view_recipient set acknowledgement_overdue = true
where acknowledged_at is null
  and share_id in (select share_id from share_view where acknowledgement_overdue = true);
