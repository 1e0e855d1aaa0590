-- The whistle's joint meetings (吹哨报到): one per request and round, whichever party's missed deadline blew it.
create table meeting (
    id                   uuid primary key,
    community_id         text        not null,
    request_id           text        not null,
    round                int         not null,
    task_id              uuid,
    category             text,
    building             text,
    lead_organisation_id text,
    parties              varchar[]   not null,
    starts_at            timestamptz not null,
    place                text        not null,
    missed               text,
    deadline             timestamptz,
    convened_at          timestamptz not null,
    constraint one_meeting_per_request_round unique (request_id, round)
);
create index meeting_community_convened on meeting (community_id, convened_at desc, id);
-- an organisation's meetings
create index meeting_parties on meeting using gin (parties);
