-- Tests start from the estate the registry publishes for the demo community (buildings 1-32 of hepingli and the 14
-- categories) as if the alliance had consumed it; EstateCopyTest proves the consumer itself.
insert into estate_building (community_id, code, version, removed)
select 'hepingli', n::text, 1, false from generate_series(1, 32) n;

insert into estate_category (code, version)
values ('water-leak', 1), ('noise', 1), ('broken-handrail', 1), ('old-wiring', 1), ('blocked-drain', 1),
       ('lift-fault', 1), ('parking', 1), ('corridor-clutter', 1), ('shopping-help', 1), ('paperwork-help', 1),
       ('appliance-repair', 1), ('safety-risk', 1), ('neighbour-dispute', 1), ('suggestion', 1);

insert into estate_community (community_id, name, name_en, version)
values ('hepingli', '和平里社区', 'Hepingli community', 1), ('qingnianhu', '青年湖社区', 'Qingnianhu community', 1);
