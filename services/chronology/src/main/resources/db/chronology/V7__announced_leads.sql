-- The lead agencies last announced to the other services for each child (LeadAgenciesChanged, ADR 0008), so a change
-- is announced once. Null: none announced yet.
alter table child_area add column announced_leads varchar(2000);
