-- where a partner organisation's people are reached by SMS and email: events name a contact by id and never carry an
-- address, so the organisation gives them here, as residents give theirs (the key is their notices' recipient)
create table partner_contact (
    recipient       text        primary key,
    community_id    text        not null,
    organisation_id text        not null,
    contact_id      text        not null,
    name            text,
    phone           text,
    email_address   text,
    updated_at      timestamptz not null
);
create index partner_contact_by_organisation on partner_contact (community_id, organisation_id, contact_id);
