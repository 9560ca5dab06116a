-- The views' free text and personal data sealed under each child's key (issue 12 part 6, R18, ADR 0015): a column
-- of up to 4,000 (20,000) characters now holds "$sealed:v1.<key id>.<ciphertext>", the text's UTF-8 bytes (up to 3
-- a character) with nonce and tag in base64, so it is widened to 16,100 (80,100). Values written before stay in
-- clear until the view replaces them; content_json (1,000,000) already holds the largest share the API accepts sealed.
alter table share_view alter column purpose set data type varchar(16100);
alter table share_view alter column written_follow_up set data type varchar(80100);
alter table share_view alter column withdrawal_reason set data type varchar(16100);
alter table share_view alter column family_informed_how set data type varchar(16100);
alter table share_view alter column consent_withdrawal_reason set data type varchar(16100);
alter table share_view alter column consent_withdrawal_justification set data type varchar(16100);
alter table share_view_thread alter column text set data type varchar(80100);
alter table share_view_correction alter column statement_json set data type varchar(80100);
alter table share_view_correction alter column reason set data type varchar(16100);
alter table request_view alter column why_needed set data type varchar(16100);
alter table request_view alter column concern set data type varchar(16100);
alter table request_view alter column decline_reasons set data type varchar(16100);
alter table decision_view alter column reasons set data type varchar(16100);
