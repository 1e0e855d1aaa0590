-- Transactional outbox: an event row commits with the state change it describes; the relay publishes it afterwards.
create table outbox_event (
    seq         bigserial   primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_key   text        not null,
    event_type  text        not null,
    source      text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    payload     text        not null,
    sent_at     timestamptz
);

create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- NOTIFY is delivered only when the inserting transaction commits: the relay wakes right after the commit.
create function gongzhi_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('gongzhi_outbox', '');
    return null;
end;
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function gongzhi_outbox_notify();
