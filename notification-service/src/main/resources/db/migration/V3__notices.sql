-- what a resident asked to be told, and how (the events carry no contact details: residents give them here)
create table resident_preference (
    resident_id  text        primary key,
    community_id text        not null,
    language     text        not null default 'zh-CN',
    sms          boolean     not null default false,
    phone        text,
    email        boolean     not null default false,
    email_address text,
    warnings     boolean     not null default false,
    quiet_from   time,
    quiet_until  time,
    updated_at   timestamptz not null
);
create index resident_preference_warnings on resident_preference (community_id) where warnings;

-- one notice per meaningful change and resident: the in-app inbox; unique per event, so never twice
create table notice (
    id           uuid        primary key,
    community_id text        not null,
    resident_id  text        not null,
    request_id   text,
    event_id     text        not null,
    kind         text        not null,
    urgent       boolean     not null,
    language     text        not null,
    title        text        not null,
    body         text        not null,
    created_at   timestamptz not null,
    unique (event_id, resident_id)
);
create index notice_by_resident on notice (resident_id, created_at desc);

-- sending a notice over SMS or email, after quiet hours for what is not urgent
create table notice_delivery (
    id          uuid        primary key,
    notice_id   uuid        not null references notice (id),
    channel     text        not null,
    address     text        not null,
    status      text        not null,
    not_before  timestamptz not null,
    attempts    int         not null default 0,
    sent_at     timestamptz,
    last_error  text,
    updated_at  timestamptz not null,
    unique (notice_id, channel)
);
create index notice_delivery_due on notice_delivery (status, not_before);
