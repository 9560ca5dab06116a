-- The views' free text sealed under each child's key (issue 12 part 6, R18, ADR 0015): a column of up to 4,000
-- characters now holds "$sealed:v1.<key id>.<ciphertext>", the text's UTF-8 bytes (up to 3 a character) with nonce
-- and tag in base64, so it is widened to 16,100; a package's items keep each purpose sealed in their JSON. Values
-- written before stay in clear until the view replaces them.
alter table transfer_view alter column reason set data type varchar(16100);
alter table transfer_view alter column package_items set data type varchar(1000000);
alter table transfer_view alter column package_missing set data type varchar(16100);
alter table consultation_view alter column reason set data type varchar(16100);
alter table consultation_view_consultee alter column reasons set data type varchar(16100);
alter table consultation_view_consultee alter column settlement set data type varchar(16100);
alter table held_share alter column purpose set data type varchar(16100);
