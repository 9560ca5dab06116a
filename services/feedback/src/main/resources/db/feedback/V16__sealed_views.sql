-- The views' free text sealed under each child's key (issue 12 part 6, R18, ADR 0015): a column of up to 4,000
-- characters now holds "$sealed:v1.<key id>.<ciphertext>", the text's UTF-8 bytes (up to 3 a character) with nonce
-- and tag in base64, so it is widened to 16,100. A challenge names its child, whose key seals what it says. Values
-- written before stay in clear until the view replaces them.
alter table feedback_view alter column action_taken set data type varchar(16100);
alter table feedback_view alter column outcome set data type varchar(16100);
alter table feedback_challenge_view add column child_id varchar(255);
update feedback_challenge_view set child_id = (select f.child_id from feedback_view f
                                               where f.feedback_id = feedback_challenge_view.feedback_id);
alter table feedback_challenge_view alter column reasons set data type varchar(16100);
alter table feedback_challenge_view alter column answer set data type varchar(16100);
alter table feedback_challenge_view alter column escalation_reasons set data type varchar(16100);
alter table feedback_challenge_view alter column resolution set data type varchar(16100);
