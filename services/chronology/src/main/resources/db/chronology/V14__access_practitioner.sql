-- who read for the agency, as its identity provider named them (the token's practitioner claim); null when it named
-- nobody, and in reads recorded before it was kept
alter table chronology_access add column practitioner varchar(200);
