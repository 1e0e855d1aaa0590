-- The communities of the deployment and the sub-district (街道) each belongs to, published on the compacted topic
-- gongzhi.estate.communities (PUT /api/estate/communities/{id}). A row carries a version that grows with every change,
-- so consumers keep the highest they have seen.
create table community (
    id                  text        primary key,
    name                text        not null,
    name_en             text        not null,
    subdistrict_id      text        not null,
    subdistrict_name    text        not null,
    subdistrict_name_en text        not null,
    version             bigint      not null default 1,
    changed_at          timestamptz not null default now()
);

-- the default community (gongzhi.default-community, devstack's demo-community.json) under its sub-district
insert into community (id, name, name_en, subdistrict_id, subdistrict_name, subdistrict_name_en)
values ('hepingli', '和平里社区', 'Hepingli community', 'hepingli-subdistrict', '和平里街道', 'Hepingli Sub-district');

-- publish it as every later change is published: through the outbox
insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
select gen_random_uuid(), 'gongzhi.estate.communities', c.id, 'gongzhi.estate.community.registered.v1',
       'request-service', c.id, now(),
       json_build_object('communityId', c.id, 'name', c.name, 'nameEn', c.name_en,
               'subdistrict', json_build_object('id', c.subdistrict_id, 'name', c.subdistrict_name,
                                                'nameEn', c.subdistrict_name_en),
               'version', c.version,
               'changedAt', to_char(c.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
from community c;
