-- The estate's named places (小区东门, 北广场): somewhere a request or a risk point may be that is not a building,
-- published on the compacted topic gongzhi.estate.places (PUT /api/estate/places/{code}). A row carries a version that
-- grows with every change, so consumers keep the highest they have seen.
create table place (
    community_id text        not null,
    code         text        not null,
    name         text        not null,
    name_en      text        not null,
    version      bigint      not null default 1,
    changed_at   timestamptz not null default now(),
    primary key (community_id, code)
);

-- Where the alliance's risk points are (alliance-service publishes them on the compacted topic gongzhi.risk-points):
-- a building or a place that a risk point is at cannot be removed. A row keeps the highest version seen.
create table risk_point_location (
    id           text   primary key,
    community_id text   not null,
    name         text   not null,
    building     text,
    place        text,
    version      bigint not null
);
create index risk_point_location_building on risk_point_location (community_id, building);
create index risk_point_location_place on risk_point_location (community_id, place);
