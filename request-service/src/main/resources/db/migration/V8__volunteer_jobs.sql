-- Who holds a request's volunteer job, from the volunteers' events: the volunteer currently offered it or doing it.
-- The errand (where, what, by when) and the resident's phone are shown to that volunteer only, and the phone only
-- while the job is accepted and open.
create table volunteer_job (
    request_id   uuid        primary key references resident_request (id),
    offer_id     text        not null,
    volunteer_id text        not null,
    status       text        not null,
    changed_at   timestamptz not null
);
