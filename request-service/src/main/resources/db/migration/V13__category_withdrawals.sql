-- A community may withdraw a category of the catalogue (DELETE /api/categories/{code}) and take it back
-- (PUT /api/categories/{code}/communities/{community}); each change is published on gongzhi.estate.categories as
-- gongzhi.estate.category.availability-changed.v1 keyed communityId/code. A row keeps that community's choice with a
-- version that grows with every change, so consumers keep the highest they have seen; a category taken back keeps its
-- row (withdrawn false) so the version goes on growing.
create table category_withdrawal (
    community_id text        not null,
    code         text        not null references category (code),
    withdrawn    boolean     not null,
    version      bigint      not null,
    changed_at   timestamptz not null,
    primary key (community_id, code)
);

-- "has this community open requests of the category?" (withdrawal's 409)
create index resident_request_by_category on resident_request (community_id, category, status);
