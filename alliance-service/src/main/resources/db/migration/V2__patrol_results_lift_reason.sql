-- A patrol reports checkpoint by checkpoint; a problem found at one is published once, under a stable id.
alter table patrol_check add column category    text;
alter table patrol_check add column urgency     text;
alter table patrol_check add column place       text;
alter table patrol_check add column description text;
alter table patrol_check add column problem_id  uuid;
alter table patrol_check add column reported_at timestamptz;

-- Who lifted a warning, and why.
alter table weather_warning add column lifted_by   text;
alter table weather_warning add column lift_reason text;
