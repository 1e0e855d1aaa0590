create table return_visit (
    id          uuid        primary key,
    request_id  uuid        not null references resident_request (id),
    method      text        not null,
    solved      boolean     not null,
    satisfied   boolean     not null,
    comment     text,
    visited_by  text        not null,
    visited_at  timestamptz not null
);
create index return_visit_by_request on return_visit (request_id, visited_at);

-- every read of a resident's contact: who, for which request, when
create table contact_read (
    id           uuid        primary key,
    community_id text        not null,
    request_id   uuid        not null references resident_request (id),
    reader       text        not null,
    organisation text,
    read_at      timestamptz not null
);
create index contact_read_by_time on contact_read (community_id, read_at);
