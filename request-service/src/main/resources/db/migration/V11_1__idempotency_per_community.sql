-- an Idempotency-Key is the caller's within one community: the same subject (a partner or a worker serving several
-- communities) may use a key in another community, and a replay never answers with another community's request.
drop index resident_request_idempotency;
create unique index resident_request_idempotency on resident_request (community_id, created_by, idempotency_key)
    where idempotency_key is not null;
