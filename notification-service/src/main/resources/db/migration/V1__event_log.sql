-- every event of every topic, in the order this service committed them: what the dashboard stream replays
create table event_log (
    seq          bigserial   primary key,
    event_id     text        not null unique,
    type         text        not null,
    subject      text        not null,
    community_id text        not null,
    occurred_at  timestamptz,
    data         text        not null
);
create index event_log_by_community on event_log (community_id, seq);

-- the dashboard's board of requests, kept from the events
create table request_board (
    request_id   text        primary key,
    community_id text        not null,
    category     text,
    building     text,
    status       text        not null,
    lead_party   text,
    respond_by   timestamptz,
    resolve_by   timestamptz,
    submitted_at timestamptz,
    updated_at   timestamptz not null
);
create index request_board_by_status on request_board (community_id, status);
