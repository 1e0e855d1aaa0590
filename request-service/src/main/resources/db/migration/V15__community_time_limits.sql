-- A community may set its own time limits for a category of the catalogue (PUT
-- /api/categories/{code}/communities/{community}/time-limits) and clear them. The row of category_withdrawal is the
-- community's whole choice of the category — withdrawn or offered, and these limits (null: the catalogue's) — and each
-- change is published as gongzhi.estate.category.availability-changed.v1 with the next version of its key.
alter table category_withdrawal
    add column respond_within text,
    add column resolve_within text;
