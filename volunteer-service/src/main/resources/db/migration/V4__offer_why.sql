-- Why a volunteer was asked, in parts, beside the English reason: the volunteer page says it in the reader's language
-- (空闲 / free now, 距家 2 步 / 2 steps from home). Offers made before have none; the page shows their reason text.
alter table offer
    add column why_skill text,
    add column why_free_now boolean,
    add column why_free_from timestamp,
    add column why_steps integer,
    add column why_tasks_this_week integer;
