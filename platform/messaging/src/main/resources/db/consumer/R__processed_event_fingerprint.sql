-- What a consumer acted on under an id (ProcessedEvents#delivery): an agency's request sent again under the same id
-- with other content is refused, not dropped as a repeat. Null on rows from before it was kept, and for consumers
-- that keep none. A repeatable migration (and idempotent), so it takes no version number from any service's sequence.
alter table processed_event add column if not exists fingerprint varchar(64);
