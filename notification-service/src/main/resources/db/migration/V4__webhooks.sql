-- partners' webhook endpoints (Standard Webhooks); a rotated secret stays valid until previous_secret_until
create table webhook_endpoint (
    id                    uuid        primary key,
    community_id          text        not null,
    organisation_id       text,
    url                   text        not null,
    event_types           text        not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        not null,
    disabled_reason       text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index webhook_endpoint_active on webhook_endpoint (community_id) where status = 'ACTIVE';

-- one message per endpoint and event; its id (webhook-id) stays the same on every retry
create table webhook_delivery (
    id              uuid        primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    message_id      text        not null,
    event_id        text        not null,
    event_type      text        not null,
    payload         text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);

create table webhook_attempt (
    id           bigserial   primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  int         not null
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, id);
