create table building (
    code   text primary key,
    grid_x int  not null,
    grid_y int  not null
);

create table team (
    id     text primary key,
    name   text not null,
    leader text
);

create table volunteer (
    id                 text    primary key,
    name               text    not null,
    team               text    not null references team (id),
    building           text    not null,
    skills             text    not null,
    availability       text    not null,
    max_tasks_per_week int     not null,
    active             boolean not null default true,
    phone              text
);

-- one matching per request: which volunteers were tried, and how it ended
create table matching (
    request_id   text        primary key,
    community_id text        not null,
    category    text        not null,
    building    text,
    skill       text        not null,
    deadline    timestamptz,
    status      text        not null,
    tried       text        not null default '',
    created_at  timestamptz not null
);

create table offer (
    id           uuid          primary key,
    request_id   text          not null references matching (request_id),
    volunteer_id text          not null references volunteer (id),
    status       text          not null,
    score        int           not null,
    reason       text          not null,
    offered_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    accepted_at  timestamptz,
    completed_at timestamptz,
    hours        numeric(5, 2),
    note         text
);
create index offer_by_volunteer on offer (volunteer_id, status);
create index offer_open on offer (status, expires_at);
