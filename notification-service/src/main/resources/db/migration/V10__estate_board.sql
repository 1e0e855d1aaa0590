-- The estate map: the registry's buildings (gongzhi.estate.buildings) with their grid position, instead of the
-- gongzhi.dashboard.estate.* configuration. A row keeps the highest version seen; a removed building stays as a row
-- with removed = true so an older record read again cannot bring it back.
create table estate_board (
    community_id text    not null,
    code         text    not null,
    grid_x       int,
    grid_y       int,
    version      bigint  not null,
    removed      boolean not null,
    primary key (community_id, code)
);
