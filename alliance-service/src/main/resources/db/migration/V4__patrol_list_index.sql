-- A partner's patrol list pages through its organisation's whole history, newest first.
create index patrol_by_organisation on patrol (organisation_id, created_at desc, risk_point_id, id);
