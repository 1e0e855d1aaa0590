-- the live feed names where a request is in the words a worker uses: building and unit (7号楼2单元)
alter table request_board add column unit text;
