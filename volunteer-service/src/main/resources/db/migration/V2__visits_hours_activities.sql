-- a matching is for a resident's request, or a check-on-neighbour visit during a weather warning
alter table matching add column kind text not null default 'REQUEST';
alter table matching add column household_id text;
alter table matching add column warning_id text;
-- a visit needs no particular skill
alter table matching alter column skill drop not null;
create index matching_by_warning on matching (warning_id);

-- two instances (or a click racing the expiry check) must not both move the same offer on
alter table matching add column version bigint not null default 0;
alter table offer add column version bigint not null default 0;

-- what the volunteer reported while working, and to whom a job was handed over
alter table offer add column progress_note text;
alter table offer add column progress_at timestamptz;
alter table offer add column handed_over_to text;

-- households a worker flagged for checking in an emergency; their details stay in this service
create table household (
    id           uuid        primary key,
    community_id text        not null,
    building     text        not null references building (code),
    unit         text,
    door         text,
    need         text        not null,
    note         text,
    flagged_at   timestamptz not null,
    flagged_by   text        not null,
    active       boolean     not null default true
);
create index household_flagged on household (community_id, active);

-- the service-hours ledger: one row per piece of work, whatever it was
create table hours_entry (
    id           uuid          primary key,
    volunteer_id text          not null references volunteer (id),
    team         text          not null references team (id),
    source       text          not null,
    reference    text          not null,
    hours        numeric(5, 2) not null check (hours > 0),
    note         text,
    worked_at    timestamptz   not null,
    unique (source, reference, volunteer_id)
);
create index hours_by_volunteer on hours_entry (volunteer_id, worked_at);
create index hours_by_team on hours_entry (team, worked_at);

insert into hours_entry (id, volunteer_id, team, source, reference, hours, note, worked_at)
select gen_random_uuid(), o.volunteer_id, v.team, 'TASK', o.id::text, o.hours, o.note, o.completed_at
from offer o join volunteer v on v.id = o.volunteer_id
where o.status = 'COMPLETED' and o.hours is not null;

-- a team's activities (a repair day, a clean-up, a watch round); a recurring one is a series of occurrences
create table activity (
    id        uuid        primary key,
    series_id uuid        not null,
    team      text        not null references team (id),
    title     text        not null,
    kind      text        not null,
    building  text        references building (code),
    starts_at timestamptz not null,
    hours     numeric(5, 2) not null,
    capacity  int         not null,
    attendance_closed boolean not null default false
);
create index activity_by_team on activity (team, starts_at);

create table activity_sign_up (
    activity_id  uuid        not null references activity (id),
    volunteer_id text        not null references volunteer (id),
    signed_up_at timestamptz not null,
    attended     boolean,
    primary key (activity_id, volunteer_id)
);
