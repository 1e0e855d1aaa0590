-- a duplicate merged into its master: the board shows it as merged with the master's id, and its resident hears of
-- the master's progress
alter table request_board add column merged_into text;
create index request_board_merged_into on request_board (merged_into) where merged_into is not null;
