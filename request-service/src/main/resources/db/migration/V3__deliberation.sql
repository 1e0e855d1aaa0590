-- who lives in which household (pseudonymous account ids), for eligibility in the deliberation hall
create table household_member (
    community_id text    not null,
    resident_id  text    not null,
    building     text    not null,
    unit         text    not null,
    household    text    not null,
    owner        boolean not null,
    primary key (community_id, resident_id),
    foreign key (community_id, building, unit, household) references household (community_id, building, unit, code)
);

create table topic (
    id           uuid        primary key,
    community_id text        not null,
    title        text        not null,
    description  text        not null,
    buildings    text        not null,
    status       text        not null,
    proposed_by  text        not null,
    created_at   timestamptz not null
);

create table topic_request (
    topic_id   uuid not null references topic (id),
    request_id uuid not null references resident_request (id),
    primary key (topic_id, request_id)
);

create table topic_support (
    topic_id    uuid not null references topic (id),
    resident_id text not null,
    primary key (topic_id, resident_id)
);

create table topic_comment (
    id            uuid        primary key,
    topic_id      uuid        not null references topic (id),
    parent_id     uuid        references topic_comment (id),
    author        text        not null,
    text          text        not null,
    hidden        boolean     not null default false,
    hidden_reason text,
    created_at    timestamptz not null
);
create index topic_comment_by_topic on topic_comment (topic_id, created_at);

create table meeting (
    id           uuid        primary key,
    community_id text        not null,
    title        text        not null,
    place        text        not null,
    starts_at    timestamptz not null,
    topics       text        not null,
    minutes      text,
    created_by   text        not null
);

create table meeting_participant (
    meeting_id  uuid    not null references meeting (id),
    resident_id text    not null,
    attended    boolean not null default false,
    primary key (meeting_id, resident_id)
);

create table vote (
    id          uuid          primary key,
    topic_id    uuid          not null references topic (id),
    question    text          not null,
    options     text          not null,
    rule        text          not null,
    quorum      numeric(4, 3) not null,
    opens_at    timestamptz   not null,
    closes_at   timestamptz   not null,
    closed      boolean       not null default false,
    outcome     text,
    winner      text
);

-- one ballot per household: the latest choice counts until the vote closes
create table ballot (
    vote_id     uuid        not null references vote (id),
    building    text        not null,
    unit        text        not null,
    household   text        not null,
    choice      text        not null,
    cast_by     text        not null,
    by_proxy    boolean     not null,
    recorded_by text,
    cast_at     timestamptz not null,
    primary key (vote_id, building, unit, household)
);

create table proxy (
    community_id text        not null,
    building     text        not null,
    unit         text        not null,
    household    text        not null,
    resident_id  text        not null,
    registered_by text       not null,
    registered_at timestamptz not null,
    primary key (community_id, building, unit, household, resident_id)
);

create table decision (
    id         uuid        primary key,
    topic_id   uuid        not null unique references topic (id),
    outcome    text        not null,
    summary    text        not null,
    decided_by text        not null,
    decided_at timestamptz not null
);

create table action_item (
    id          uuid primary key,
    decision_id uuid not null references decision (id),
    title       text not null,
    request_id  uuid not null references resident_request (id)
);
