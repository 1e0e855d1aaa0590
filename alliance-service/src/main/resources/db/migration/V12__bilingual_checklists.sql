-- A kind's default checklist is kept in Chinese (risk_point.checklist, patrol_check.item) and English
-- (risk_point.checklist_en, patrol_check.item_en); a checklist a worker typed is kept as typed, with no English beside
-- it. A patrol keeps its risk point's name, so a person on the patrol sees the place by the name they know it by.
alter table risk_point add column checklist_en text not null default '';
alter table patrol_check add column item_en text;
alter table patrol add column risk_point_name text;

update patrol p set risk_point_name = r.name from risk_point r where r.id = p.risk_point_id;

-- the default checks as RiskKind has them; the English is what every default checklist was before
create temporary table default_check (kind text, position int, en text, zh text, primary key (kind, position));
insert into default_check (kind, position, en, zh) values
    ('BASEMENT_GARAGE', 0, 'drains clear', '排水口畅通'),
    ('BASEMENT_GARAGE', 1, 'sandbags in place', '沙袋已就位'),
    ('BASEMENT_GARAGE', 2, 'pumps working', '水泵运转正常'),
    ('BASEMENT_GARAGE', 3, 'cars warned to move', '已通知车主挪车'),
    ('LOW_LYING_COURTYARD', 0, 'drains clear', '排水口畅通'),
    ('LOW_LYING_COURTYARD', 1, 'no standing water', '无积水'),
    ('LOW_LYING_COURTYARD', 2, 'residents on the ground floor warned', '已提醒一楼住户'),
    ('TOP_FLOOR_ROOF', 0, 'roof drains clear', '屋顶排水口畅通'),
    ('TOP_FLOOR_ROOF', 1, 'no loose objects', '无松动物件'),
    ('TOP_FLOOR_ROOF', 2, 'no leaks into top-floor homes', '顶层住户家中无渗漏'),
    ('OLD_WIRING_BOX', 0, 'box closed and dry', '电箱关闭且干燥'),
    ('OLD_WIRING_BOX', 1, 'no scorch marks', '无烧焦痕迹'),
    ('OLD_WIRING_BOX', 2, 'no exposed wires', '无裸露电线'),
    ('DRAIN', 0, 'grate clear of leaves and rubbish', '雨水篦子无落叶杂物'),
    ('DRAIN', 1, 'water flowing away', '排水顺畅'),
    ('DRAIN', 2, 'no backflow', '无倒灌'),
    ('OTHER', 0, 'site inspected', '已到现场查看'),
    ('OTHER', 1, 'hazards reported', '隐患已上报');

-- a risk point whose checklist is a kind's whole default list (as stored: comma-separated) gets it in both
-- languages
update risk_point r set checklist = d.zh, checklist_en = d.en
from (select string_agg(en, ',' order by position) as en, string_agg(zh, ',' order by position) as zh
      from default_check group by kind) d
where r.checklist = d.en;

-- so does every checkpoint of a patrol whose checklist is a kind's whole default list (a typed checklist that merely
-- shares an item with one stays as typed, as its risk point's does)
update patrol_check c set item = d.zh, item_en = d.en
from (select patrol_id, string_agg(item, ',' order by position) as items from patrol_check group by patrol_id) p
join (select kind, string_agg(en, ',' order by position) as en from default_check group by kind) l on l.en = p.items
join default_check d on d.kind = l.kind
where c.patrol_id = p.patrol_id and c.position = d.position;

drop table default_check;
