-- When each act reached the backbone's topics (the Kafka record's timestamp, the same however often the chronology is
-- rebuilt): with when it was recorded, when the agencies party to it were told (issue 8, "as known at"). Null for acts
-- recorded before it was kept: those count as told when recorded.
alter table chronology_entry add column published_at timestamp(6) with time zone;
