-- The links to a resident's photos of the problem (at most five http(s) links, which hold no whitespace), one a line,
-- in the order given; null when none were given. Before this they were checked and dropped.
alter table resident_request add column photos text;
