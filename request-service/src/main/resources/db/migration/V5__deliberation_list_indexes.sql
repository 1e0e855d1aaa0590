-- The hall's topic and meeting lists page through a community's whole history, newest first (ties: greater id
-- first); a page's votes and its decisions' action items are read for all its topics at once.
create index topic_by_community on topic (community_id, created_at desc, id desc);
create index meeting_by_community on meeting (community_id, starts_at desc, id desc);
create index vote_by_topic on vote (topic_id, opens_at);
create index action_item_by_decision on action_item (decision_id);
