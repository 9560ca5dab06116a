-- A share's content and thread, as JSON, sized for the largest share the API accepts (100 statements of 4,000
-- characters within a 512 KB request; the thread grows with every question, answer and recorded use). Version 0.1's
-- 100,000 characters failed with a bare 500 on a share of a few dozen long statements.
alter table share_view alter column content_json set data type varchar(1000000);
alter table share_view alter column thread_json set data type varchar(1000000);
