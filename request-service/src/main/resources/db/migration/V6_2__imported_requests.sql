-- a finished request imported from earlier records (paper register, 12345): each record once per community
create table imported_request (
    community_id text        not null,
    source       text        not null,
    reference    text        not null,
    request_id   uuid        not null references resident_request (id),
    imported_by  text        not null,
    imported_at  timestamptz not null,
    primary key (community_id, source, reference)
);
