-- An organisation may serve several communities (the police station, the water utility, a property company of one
-- sub-district): it is registered once in each, and each registration — name, coverage, contacts, rota — is that
-- community's own. The key becomes (community, id); the token's org claim stays the organisation's id everywhere.
alter table contact add column community_id text;
update contact c set community_id = o.community_id from organisation o where o.id = c.organisation_id;
alter table contact alter column community_id set not null;
alter table duty_shift add column community_id text;
update duty_shift s set community_id = o.community_id from organisation o where o.id = s.organisation_id;
alter table duty_shift alter column community_id set not null;

alter table contact drop constraint contact_organisation_id_fkey;
alter table duty_shift drop constraint duty_shift_organisation_id_fkey;
alter table routing_rule drop constraint routing_rule_lead_fkey;
alter table risk_point drop constraint risk_point_organisation_id_fkey;
alter table organisation drop constraint organisation_pkey;
alter table organisation add primary key (community_id, id);
-- a partner's token names the organisation alone: which communities does it serve?
create index organisation_by_id on organisation (id);

alter table contact add foreign key (community_id, organisation_id) references organisation (community_id, id)
    on delete cascade;
alter table duty_shift add foreign key (community_id, organisation_id) references organisation (community_id, id)
    on delete cascade;
drop index duty_shift_by_organisation;
create index duty_shift_by_organisation on duty_shift (organisation_id, community_id);
create index contact_by_organisation on contact (organisation_id, community_id);
alter table routing_rule add foreign key (community_id, lead) references organisation (community_id, id);
alter table risk_point add foreign key (community_id, organisation_id) references organisation (community_id, id);

-- a feed entry belongs to the community of its event: a partner follows its organisation in the communities it acts in
alter table feed_entry add column community_id text;
update feed_entry set community_id = payload::jsonb ->> 'communityId';
update feed_entry f set community_id = o.community_id from organisation o
    where f.community_id is null and o.id = f.organisation_id;
delete from feed_entry where community_id is null;
alter table feed_entry alter column community_id set not null;
drop index feed_entry_by_organisation;
create index feed_entry_by_organisation on feed_entry (organisation_id, community_id, seq);

-- the registry's communities (gongzhi.estate.communities, compacted): their names, which a partner's task shows
create table estate_community (
    community_id text   primary key,
    name         text   not null,
    name_en      text,
    version      bigint not null
);
