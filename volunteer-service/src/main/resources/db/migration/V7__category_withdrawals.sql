-- The categories each community has withdrawn (request-service publishes gongzhi.estate.category.availability-changed.v1
-- on gongzhi.estate.categories, keyed communityId/code): a worker of the community may not ask volunteers for one. A
-- category taken back keeps its row (withdrawn false); a row keeps the highest version seen, so an older record read
-- again changes nothing.
create table category_withdrawal (
    community_id text    not null,
    code         text    not null,
    withdrawn    boolean not null,
    version      bigint  not null,
    primary key (community_id, code)
);
