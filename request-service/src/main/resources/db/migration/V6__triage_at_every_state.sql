-- a 12345 ticket's official deadline, kept so a re-triage never recomputes it away
alter table resident_request add column hotline_deadline timestamptz;
-- a merged duplicate remembers the status it had and when it was merged, so a worker can undo it the same day
alter table resident_request add column merged_from text;
alter table resident_request add column merged_at timestamptz;
create index resident_request_merged_into on resident_request (merged_into) where merged_into is not null;
