-- the deadlines each task holds now (moved by task.deadline-changed) and its latest escalation step
alter table track_task
    add column acknowledge_by        timestamptz,
    add column complete_by           timestamptz,
    add column deadlines_changed_at  timestamptz,
    add column escalation_level      int not null default 0,
    add column escalation_reason     text,
    add column escalated_at          timestamptz;

-- every time a party's deadlines were moved, and why: the resident is told
create table deadline_move (
    id              uuid        primary key,
    request_id      uuid        not null references resident_request (id),
    task_id         text        not null,
    organisation_id text        not null,
    acknowledge_by  timestamptz,
    complete_by     timestamptz,
    reason          text,
    changed_at      timestamptz not null,
    event_id        text        not null unique
);
create index deadline_move_by_request on deadline_move (request_id, changed_at);

-- a status change looks up whether the request is a decision's action item (decision.progressed)
create index action_item_by_request on action_item (request_id);
