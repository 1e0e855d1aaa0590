-- The estate registry publishes every change on compacted topics: each building and category carries a version that
-- grows with every change, so consumers keep the highest they have seen.
alter table building add column version bigint not null default 1;

-- The category catalogue, editable through the API (POST/PUT /api/categories) instead of Java constants and
-- configuration. Time limits are for a request not marked URGENT (URGENT always gets the urgent-danger limits,
-- gongzhi.time-limits.urgent-danger-*); skill is what volunteer-service asks of a volunteer for it.
create table category (
    code            text        primary key,
    name_zh         text        not null,
    name_en         text        not null,
    tracks          text        not null,
    default_urgency text        not null,
    respond_within  text        not null,
    resolve_within  text        not null,
    skill           text,
    position        int         not null,
    version         bigint      not null default 1,
    defined_at      timestamptz not null default now()
);

-- today's fourteen categories, with the limits of their class (12345 practice: utilities 2 h / 24 h, general 24 h /
-- 7 days, complex 24 h / 15 days, urgent danger 30 min / 2 h) and the skills volunteer-service was configured with
insert into category (code, name_zh, name_en, tracks, default_urgency, respond_within, resolve_within, skill, position)
values ('water-leak', '漏水', 'Water leak', 'ALLIANCE', 'HIGH', 'PT2H', 'PT24H', null, 1),
       ('noise', '噪音扰民', 'Noise', 'ALLIANCE', 'NORMAL', 'PT24H', 'PT168H', null, 2),
       ('broken-handrail', '楼梯扶手损坏', 'Broken stair handrail', 'ALLIANCE', 'NORMAL', 'PT24H', 'PT168H', null, 3),
       ('old-wiring', '老旧电线', 'Old wiring', 'ALLIANCE', 'HIGH', 'PT2H', 'PT24H', null, 4),
       ('blocked-drain', '下水道堵塞', 'Blocked drain', 'ALLIANCE', 'HIGH', 'PT2H', 'PT24H', null, 5),
       ('lift-fault', '电梯故障', 'Lift fault', 'ALLIANCE', 'URGENT', 'PT30M', 'PT2H', null, 6),
       ('parking', '停车难', 'Parking', 'DELIBERATION,ALLIANCE', 'NORMAL', 'PT24H', 'PT360H', null, 7),
       ('corridor-clutter', '楼道堆物', 'Corridor clutter', 'ALLIANCE', 'NORMAL', 'PT24H', 'PT168H', 'clean-up', 8),
       ('shopping-help', '代买代购', 'Shopping help', 'VOLUNTEERS', 'NORMAL', 'PT24H', 'PT168H', 'errands', 9),
       ('paperwork-help', '代办事务', 'Paperwork help', 'VOLUNTEERS', 'NORMAL', 'PT24H', 'PT168H', 'paperwork', 10),
       ('appliance-repair', '小家电维修', 'Small appliance repair', 'VOLUNTEERS', 'LOW', 'PT24H', 'PT168H',
        'appliance-repair', 11),
       ('safety-risk', '安全隐患', 'Safety risk', 'ALLIANCE', 'URGENT', 'PT30M', 'PT2H', 'watch', 12),
       ('neighbour-dispute', '邻里纠纷', 'Neighbour dispute', 'ALLIANCE', 'NORMAL', 'PT24H', 'PT360H', null, 13),
       ('suggestion', '意见建议', 'Suggestion', 'ALLIANCE', 'LOW', 'PT24H', 'PT360H', null, 14);

-- publish what the registry holds today, as every later change is published: through the outbox
insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
select gen_random_uuid(), 'gongzhi.estate.categories', c.code, 'gongzhi.estate.category.defined.v1', 'request-service',
       c.code, now(),
       json_build_object('communityId', '*', 'code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en,
               'tracks', to_json(string_to_array(c.tracks, ',')), 'defaultUrgency', c.default_urgency,
               'respondWithin', c.respond_within, 'resolveWithin', c.resolve_within, 'skill', c.skill,
               'version', c.version,
               'definedAt', to_char(c.defined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
from category c
order by c.position;

insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
select gen_random_uuid(), 'gongzhi.estate.buildings', b.community_id || '/' || b.code,
       'gongzhi.estate.building.registered.v1', 'request-service', b.community_id || '/' || b.code, now(),
       json_build_object('communityId', b.community_id, 'code', b.code, 'name', b.name, 'floors', b.floors,
               'gridX', b.grid_x, 'gridY', b.grid_y,
               'units', coalesce((select json_agg(json_build_object('code', u.unit, 'households', u.households)
                                                  order by u.unit)
                                  from (select h.unit, json_agg(h.code order by h.code) as households
                                        from household h
                                        where h.community_id = b.community_id and h.building = b.code
                                        group by h.unit) u), '[]'::json),
               'version', b.version,
               'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
from building b
order by b.community_id, b.code;
