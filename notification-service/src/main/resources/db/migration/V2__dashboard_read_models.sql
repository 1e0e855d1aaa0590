-- what the three rates and the dashboard need beyond the first board
alter table request_board
    add column urgency      text,
    add column resident_id  text,
    add column lead_org     text,
    add column responded_at timestamptz,
    add column resolved_at  timestamptz,
    add column closed_at    timestamptz,
    add column reopened     int not null default 0;
create index request_board_respond_by on request_board (community_id, respond_by);
create index request_board_resolve_by on request_board (community_id, resolve_by);

-- every alliance task, for the workload per party and the parties' own rates
create table task_board (
    task_id           text        primary key,
    community_id      text        not null,
    request_id        text,
    organisation_id   text        not null,
    organisation_name text,
    role              text,
    status            text        not null,
    acknowledge_by    timestamptz,
    complete_by       timestamptz,
    assigned_at       timestamptz,
    acknowledged_at   timestamptz,
    completed_at      timestamptz,
    escalation_level  int         not null default 0,
    updated_at        timestamptz not null
);
create index task_board_by_status on task_board (community_id, status);

-- volunteers' offers and the work they took on
create table volunteer_board (
    offer_id     text        primary key,
    community_id text        not null,
    request_id   text,
    volunteer_id text,
    status       text        not null,
    expires_at   timestamptz,
    updated_at   timestamptz not null
);
create index volunteer_board_by_status on volunteer_board (community_id, status);

-- return visits: the satisfaction rate
create table follow_up (
    event_id     text        primary key,
    community_id text        not null,
    request_id   text        not null,
    solved       boolean     not null,
    satisfied    boolean     not null,
    visited_at   timestamptz not null
);
create index follow_up_by_time on follow_up (community_id, visited_at);

-- weather warnings, for the banner
create table warning_board (
    warning_id   text        primary key,
    community_id text        not null,
    type         text,
    level        text,
    valid_from   timestamptz,
    valid_until  timestamptz,
    issued_at    timestamptz
);
