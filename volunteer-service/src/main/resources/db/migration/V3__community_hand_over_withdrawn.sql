-- teams and volunteers belong to a community (one deployment serves many): matching asks only the request's
-- community's volunteers, and workers see only their own community's teams and volunteers.
-- Rows from before carry the deployment's default community (gongzhi.default-community).
alter table team add column community_id text;
update team set community_id = '${default_community}' where community_id is null;
alter table team alter column community_id set not null;

alter table volunteer add column community_id text;
update volunteer v set community_id = coalesce((select t.community_id from team t where t.id = v.team),
        '${default_community}') where community_id is null;
alter table volunteer alter column community_id set not null;
create index volunteer_by_community on volunteer (community_id, active);
create index team_by_community on team (community_id);

-- when a volunteer handed a job over (to whom is handed_over_to), and when progress was last reported
alter table offer add column handed_over_at timestamptz;
-- when an open visit was withdrawn because its warning was lifted
alter table offer add column cancelled_at timestamptz;
