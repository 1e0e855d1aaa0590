-- A party leads a category in a set of buildings by one rule. Loading the demo twice stored every rule twice; the
-- earliest of each stays (nothing refers to a rule by id).
delete from routing_rule later
using routing_rule earlier
where later.community_id = earlier.community_id and later.category = earlier.category
  and later.buildings = earlier.buildings and later.lead = earlier.lead
  and (later.created_at, later.id) > (earlier.created_at, earlier.id);

create unique index routing_rule_one_per_scope_and_lead on routing_rule (community_id, category, buildings, lead);
