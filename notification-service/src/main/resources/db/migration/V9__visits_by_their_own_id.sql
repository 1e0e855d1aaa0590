-- a check-on-neighbour visit's offers are kept by the visit's own id (its volunteering events carry visitId); their
-- v1 events repeat the visit id as requestId, which the board used to keep, and a visit's acceptance left a stub
-- "request" on the request board: move the ids and drop the stubs (no request's id starts with visit-)
alter table volunteer_board add column visit_id text;
update volunteer_board set visit_id = request_id, request_id = null where request_id like 'visit-%';
delete from request_board where request_id like 'visit-%';
