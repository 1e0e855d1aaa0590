-- the further communities a partner's endpoint hears its organisation's tasks and meetings of: the token's
-- 'communities' when the endpoint was registered, comma-separated ('' for an endpoint of one community)
alter table webhook_endpoint add column communities text not null default '';
