-- the deliberation hall: topics (open, voting, decided) and the progress of a decision's action items
create table topic_board (
    topic_id           text        primary key,
    community_id       text        not null,
    title              text,
    buildings          text,
    linked_requests    int         not null default 0,
    status             text        not null,
    opened_at          timestamptz,
    outcome            text,
    decided_at         timestamptz,
    action_items_total int,
    action_items_done  int,
    progressed_at      timestamptz
);
create index topic_board_by_status on topic_board (community_id, status);

-- votes: open until vote.closed (counts only, never a household's choice)
create table vote_board (
    vote_id                  text        primary key,
    topic_id                 text        not null,
    community_id             text        not null,
    question                 text,
    rule                     text,
    options                  text,
    eligible_households      int,
    participating_households int,
    opens_at                 timestamptz,
    closes_at                timestamptz,
    status                   text        not null,
    outcome                  text,
    winning_option           text,
    closed_at                timestamptz
);
create index vote_board_by_status on vote_board (community_id, status);

-- each patrol of a warning: its latest totals (never lowered by a redelivered or older report)
create table patrol_board (
    patrol_id         text        primary key,
    warning_id        text        not null,
    community_id      text        not null,
    risk_point_id     text,
    risk_point_name   text,
    organisation_id   text,
    building          text,
    checkpoints_done  int         not null,
    checkpoints_total int         not null,
    problems_found    int         not null,
    checked_at        timestamptz
);
create index patrol_board_by_warning on patrol_board (warning_id);

-- a lifted warning leaves the banner
alter table warning_board
    add column lifted_at   timestamptz,
    add column lift_reason text;

-- a worker moved the lead task's deadlines: the board's countdown follows (the rates keep the request's own)
alter table request_board
    add column moved_respond_by  timestamptz,
    add column moved_resolve_by  timestamptz,
    add column deadline_moved_at timestamptz;

-- notices to on-duty partner contacts (a warning): the organisation's inbox
alter table notice
    add column organisation_id text,
    add column contact_id      text;
create index notice_by_organisation on notice (organisation_id, created_at desc) where organisation_id is not null;

-- a task's moved deadlines (the newest change wins): the workload's "overdue" follows them, the rates keep the originals
alter table task_board
    add column moved_acknowledge_by timestamptz,
    add column moved_complete_by    timestamptz,
    add column deadline_moved_at    timestamptz;
