-- Whether the resident agreed that the request's description may be shown publicly (Open311): nobody has, so far.
alter table resident_request add column description_public boolean not null default false;
-- What the first submission with an Idempotency-Key asked for (platform's IdempotencyKey.fingerprint): a reuse of the
-- key with a different body is refused instead of answered with the first request. Null for rows filed before.
alter table resident_request add column idempotency_fingerprint text;
