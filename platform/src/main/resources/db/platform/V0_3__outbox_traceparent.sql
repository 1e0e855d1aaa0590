-- The trace the event was written in (W3C traceparent), so that the relay's publish and every consumer's work join
-- the trace of the request that caused them. Null when tracing is off.
alter table outbox_event add column traceparent text;
