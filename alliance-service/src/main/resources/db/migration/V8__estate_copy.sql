-- alliance-service's copy of the estate registry (request-service publishes it on gongzhi.estate.buildings and
-- gongzhi.estate.categories): the building and category codes that rules, coverage, risk points and patrol reports
-- may name. A row keeps the highest version seen, so an older record read again changes nothing.
create table estate_building (
    community_id text    not null,
    code         text    not null,
    version      bigint  not null,
    removed      boolean not null,
    primary key (community_id, code)
);

create table estate_category (
    code    text   primary key,
    version bigint not null
);
