-- alliance-service's copy of the estate registry's named places (request-service publishes them on the compacted
-- gongzhi.estate.places): the places risk points may be at. A row keeps the highest version seen.
create table estate_place (
    community_id text    not null,
    code         text    not null,
    version      bigint  not null,
    removed      boolean not null,
    primary key (community_id, code)
);

-- a risk point is at a building or at a named place of the registry, and is published (gongzhi.risk-points,
-- compacted) with a version so the registry knows what stands where
alter table risk_point add column place text;
alter table risk_point add column version bigint not null default 1;

-- publish the risk points registered before, as every later one is published: through the outbox
insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
select gen_random_uuid(), 'gongzhi.risk-points', p.id, 'gongzhi.risk-point.registered.v1', 'alliance-service', p.id,
       now(),
       json_build_object('communityId', p.community_id, 'id', p.id, 'name', p.name, 'building', p.building,
               'place', p.place, 'version', p.version,
               'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
from risk_point p
order by p.id;
