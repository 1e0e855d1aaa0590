-- The warning list pages through a community's whole history, newest first.
create index weather_warning_by_community on weather_warning (community_id, issued_at desc, id desc);
