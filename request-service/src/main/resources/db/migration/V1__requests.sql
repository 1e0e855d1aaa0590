create table building (
    community_id text    not null,
    code         text    not null,
    name         text    not null,
    floors       int     not null,
    grid_x       int     not null,
    grid_y       int     not null,
    primary key (community_id, code)
);

create table household (
    community_id text          not null,
    building     text          not null,
    unit         text          not null,
    code         text          not null,
    floor_area   numeric(7, 2) not null,
    primary key (community_id, building, unit, code),
    foreign key (community_id, building) references building (community_id, code)
);

create table resident_request (
    id              uuid        primary key,
    community_id    text        not null,
    category        text        not null,
    description     text        not null,
    building        text,
    unit            text,
    household       text,
    place           text,
    urgency         text        not null,
    channel         text        not null,
    hotline_ticket  text,
    tracks          text        not null,
    resident_id     text,
    contact_phone   text,
    status          text        not null,
    respond_by      timestamptz not null,
    resolve_by      timestamptz not null,
    responded_at    timestamptz,
    resolved_at     timestamptz,
    tracks_done     text        not null default '',
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    merged_into     uuid,
    idempotency_key text,
    version         bigint      not null default 0
);

create unique index resident_request_idempotency on resident_request (created_by, idempotency_key)
    where idempotency_key is not null;
create index resident_request_by_status on resident_request (community_id, status, created_at);
create index resident_request_by_building on resident_request (community_id, building, category, created_at);

create table timeline_entry (
    id          uuid        primary key,
    request_id  uuid        not null references resident_request (id),
    at          timestamptz not null,
    kind        text        not null,
    text        text        not null,
    visibility  text        not null,
    actor       text,
    event_id    text,
    unique (request_id, event_id)
);
create index timeline_entry_by_request on timeline_entry (request_id, at);

create table track_task (
    task_id           text        primary key,
    request_id        uuid        not null references resident_request (id),
    organisation_id   text        not null,
    organisation_name text,
    role              text        not null,
    status            text        not null,
    updated_at        timestamptz not null
);
create index track_task_by_request on track_task (request_id);
