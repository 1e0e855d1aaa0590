-- A request's time limits (its category at its urgency) as request-service publishes them with request.submitted and
-- request.recategorised, kept for a request on the volunteers' track: a volunteer's hand-over brings it to the
-- alliance later, to be timed by them. The alliance no longer keeps a copy of the category catalogue's limits.
create table request_time_limits (
    request_id             text   primary key,
    respond_within_seconds bigint not null,
    resolve_within_seconds bigint not null
);
