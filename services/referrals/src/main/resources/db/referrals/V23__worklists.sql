-- Worklists (issue 13 part 4): an inbox ordered by deadline and urgency, and a sender's list of its shares with the
-- questions waiting for its answer. Both read from columns the share view keeps, filled here for shares stored before.
alter table share_view add column urgency varchar(20);
alter table share_view add column open_questions integer default 0 not null;
update share_view set urgency = 'IMMEDIATE' where content_json like '%"urgency":"IMMEDIATE"%';
update share_view set urgency = 'URGENT' where content_json like '%"urgency":"URGENT"%';
update share_view set urgency = 'ROUTINE' where urgency is null;
update share_view set open_questions = (
    select count(*) from share_view_thread q
    where q.share_id = share_view.share_id and q.kind = 'QUESTION'
      and not exists (select 1 from share_view_thread a
                      where a.share_id = q.share_id and a.kind = 'ANSWER' and a.question_id = q.question_id));
create index share_view_sender on share_view (sender_agency, shared_at);
