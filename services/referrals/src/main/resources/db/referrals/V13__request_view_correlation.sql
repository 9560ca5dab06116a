-- The conversation a request starts (its correlation id), so that declining or answering it continues that
-- conversation. Requests recorded before this column have none; RequestView falls back to the request id, which is
-- what their decline or answer was recorded under.
alter table request_view add column correlation_id varchar(255);
