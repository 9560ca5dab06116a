-- The chronology's text sealed under each child's key (issue 12 part 6, R18, ADR 0015): a summary of up to 20,000
-- characters (it quotes what was said) now holds "$sealed:v1.<key id>.<ciphertext>", the text's UTF-8 bytes (up to 3
-- a character) with nonce and tag in base64, so it is widened to 80,100; a review's reasons of up to 4,000 to 16,100.
-- A webhook's body is sealed whole within its 1,000,000. Values written before stay in clear until they are written
-- again (a rebuild, an erasure).
alter table chronology_entry alter column summary set data type varchar(80100);
alter table review_view alter column reason set data type varchar(16100);
alter table review_view alter column closing_reason set data type varchar(16100);
