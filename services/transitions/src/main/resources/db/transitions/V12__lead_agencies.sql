-- Who leads for each child, as the chronology last announced it (LeadAgenciesChanged, ADR 0008): the lead agency
-- reads every record about the child. Kept by platform/messaging LeadAgencies.
create table child_lead_agencies (
    child_id varchar(20) primary key,
    lead_agencies varchar(2000) not null,
    as_of timestamp(6) with time zone not null
);
