-- The processed-event log of idempotent consumers: one row per (consumer, CloudEvents id), written with the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
