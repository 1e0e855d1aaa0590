-- The registry's communities and their sub-districts (gongzhi.estate.communities): the street view lists a
-- sub-district's communities from here. A row keeps the highest version seen.
create table community_directory (
    community_id        text   primary key,
    name                text   not null,
    name_en             text   not null,
    subdistrict_id      text   not null,
    subdistrict_name    text   not null,
    subdistrict_name_en text   not null,
    version             bigint not null
);
create index community_directory_by_subdistrict on community_directory (subdistrict_id, community_id);
