-- Consent and the family over time (issue 13 part 2, R3): when and how the family was told, whether the date set to
-- review telling it passed with the family still not told, and consent withdrawn after the share.
alter table share_view add column family_informed_at timestamp(6) with time zone;
alter table share_view add column family_informed_how varchar(4000);
alter table share_view add column family_review_due boolean default false not null;
alter table share_view add column consent_withdrawn_at timestamp(6) with time zone;
alter table share_view add column consent_withdrawal_reason varchar(4000);
alter table share_view add column consent_withdrawal_justification varchar(4000);
