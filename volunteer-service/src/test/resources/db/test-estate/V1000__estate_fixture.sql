-- Tests start from the catalogue's skills as the registry publishes them (request-service's V10), as if
-- volunteer-service had consumed them; buildings are published by each test (Fixtures.building), and
-- EstateCopyTest proves the consumer of categories.
insert into category_skill (code, skill, version)
values ('corridor-clutter', 'clean-up', 1), ('shopping-help', 'errands', 1), ('paperwork-help', 'paperwork', 1),
       ('appliance-repair', 'appliance-repair', 1), ('safety-risk', 'watch', 1);
