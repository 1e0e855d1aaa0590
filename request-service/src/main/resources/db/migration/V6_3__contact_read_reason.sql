-- why a resident's phone was read, as the reader said (the console asks for it)
alter table contact_read add column reason varchar(200);
