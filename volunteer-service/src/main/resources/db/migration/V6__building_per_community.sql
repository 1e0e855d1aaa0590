-- the grid is per community: two communities may both have a building "7", and a community's workers, volunteers and
-- matchings see only their own (issue 23). Rows from before carry the deployment's default community
-- (gongzhi.default-community), the only one the copy held until now.
alter table household drop constraint household_building_fkey;
alter table activity drop constraint activity_building_fkey;

alter table building add column community_id text;
update building set community_id = '${default_community}' where community_id is null;
alter table building alter column community_id set not null;
alter table building drop constraint building_pkey;
alter table building add primary key (community_id, code);

alter table household add constraint household_building_fkey foreign key (community_id, building)
    references building (community_id, code);
