-- Who acted for the agency, where its identity provider named them (the envelope's actingPractitioner, issue 7).
-- Null for acts recorded before it was carried, and for acts the backbone performs itself.
alter table chronology_entry add column practitioner varchar(200);
