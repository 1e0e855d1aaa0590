-- Member organisations of the alliance (联盟成员单位), with the buildings they cover and the categories they handle.
create table organisation (
    id           text        primary key,
    community_id text        not null,
    name         text        not null,
    name_en      text,
    type         text        not null,
    buildings    text        not null default '',
    categories   text        not null default '',
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

-- People to reach at an organisation; a shift of the on-duty rota names a contact and their backup.
create table contact (
    id              uuid primary key,
    organisation_id text not null references organisation (id) on delete cascade,
    name            text not null,
    role            text,
    phone           text
);

create table duty_shift (
    id              uuid    primary key,
    organisation_id text    not null references organisation (id) on delete cascade,
    day_of_week     int     not null,
    starts          time    not null,
    ends            time    not null,
    contact         text    not null,
    backup          text    not null
);
create index duty_shift_by_organisation on duty_shift (organisation_id);

-- category × buildings → lead party and supporting parties; the highest priority matching rule wins.
create table routing_rule (
    id           uuid        primary key,
    community_id text        not null,
    category     text        not null,
    buildings    text        not null default '',
    lead         text        not null references organisation (id),
    supporting   text        not null default '',
    priority     int         not null,
    created_at   timestamptz not null
);
create index routing_rule_by_category on routing_rule (community_id, category, priority desc);

-- A request the alliance works on: what it is about and its deadlines, so later rounds and declines can be routed.
create table alliance_case (
    request_id   text        primary key,
    community_id text        not null,
    category     text        not null,
    building     text,
    respond_by   timestamptz,
    resolve_by   timestamptz,
    round        int         not null default 1,
    status       text        not null,
    opened_at    timestamptz not null,
    resolved_at  timestamptz
);

create table task (
    id                uuid        primary key,
    community_id      text        not null,
    request_id        text        not null references alliance_case (request_id),
    organisation_id   text        not null,
    organisation_name text,
    role              text        not null,
    round             int         not null,
    status            text        not null,
    category          text,
    building          text,
    acknowledge_by    timestamptz,
    complete_by       timestamptz,
    assigned_at       timestamptz not null,
    acknowledged_at   timestamptz,
    completed_at      timestamptz,
    updated_at        timestamptz not null,
    escalation_level  int         not null default 0,
    overdue           boolean     not null default false,
    note              text,
    version           bigint      not null default 0,
    -- a bug can never give one party the same role twice in one round
    constraint task_once_per_party unique (request_id, organisation_id, role, round)
);
create index task_by_organisation on task (organisation_id, status, assigned_at);
create index task_open_by_deadline on task (status, acknowledge_by);

-- Each organisation's task events, numbered for the partner feed's Last-Event-ID resume.
create table feed_entry (
    seq             bigserial   primary key,
    organisation_id text        not null,
    event_type      text        not null,
    payload         text        not null,
    at              timestamptz not null
);
create index feed_entry_by_organisation on feed_entry (organisation_id, seq);

-- Places that need a look when the weather turns (风险点).
create table risk_point (
    id              text        primary key,
    community_id    text        not null,
    name            text        not null,
    building        text,
    kind            text        not null,
    warning_types   text        not null,
    organisation_id text        not null references organisation (id),
    checklist       text        not null default '',
    created_at      timestamptz not null
);

create table weather_warning (
    id           uuid        primary key,
    community_id text        not null,
    type         text        not null,
    level        text        not null,
    valid_from   timestamptz not null,
    valid_until  timestamptz not null,
    issued_by    text        not null,
    issued_at    timestamptz not null,
    lifted_at    timestamptz
);

create table patrol (
    id              uuid        primary key,
    warning_id      uuid        not null references weather_warning (id),
    risk_point_id   text        not null references risk_point (id),
    organisation_id text        not null,
    status          text        not null,
    created_at      timestamptz not null,
    reported_at     timestamptz,
    unique (warning_id, risk_point_id)
);

create table patrol_check (
    patrol_id  uuid    not null references patrol (id) on delete cascade,
    position   int     not null,
    item       text    not null,
    result     text,
    note       text,
    primary key (patrol_id, position)
);
