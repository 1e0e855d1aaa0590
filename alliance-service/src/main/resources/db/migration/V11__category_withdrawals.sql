-- The categories each community has withdrawn (request-service publishes gongzhi.estate.category.availability-changed.v1
-- on gongzhi.estate.categories, keyed communityId/code): a rule, coverage or patrol report of the community may not
-- name one. A category taken back keeps its row (withdrawn false); a row keeps the highest version seen, so an older
-- record read again changes nothing.
create table estate_category_withdrawal (
    community_id text    not null,
    code         text    not null,
    withdrawn    boolean not null,
    version      bigint  not null,
    primary key (community_id, code)
);
