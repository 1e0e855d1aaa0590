-- volunteer-service's copy of the estate registry (request-service publishes it on gongzhi.estate.buildings and
-- gongzhi.estate.categories) instead of its own POST /api/buildings and the skill-for-category configuration. A row
-- keeps the highest version seen, so an older record read again changes nothing.
alter table building add column version bigint not null default 0;
alter table building add column removed boolean not null default false;

create table category_skill (
    code    text   primary key,
    skill   text,
    version bigint not null
);
