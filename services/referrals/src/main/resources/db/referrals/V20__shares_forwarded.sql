-- Shares passed on with a transfer package (R12, issue 9 part 3): the agency a child joined becomes a recipient by
-- transfer; who passed the share on, and with which transfer.
alter table share_view_recipient add column forwarded_by varchar(100);
alter table share_view_recipient add column transfer_id varchar(255);
