-- A timeline entry's parts (a party, a status, times, a note as typed) beside its English text, so the console and the
-- resident page say it in the reader's language; entries made before keep their text only.
alter table timeline_entry add column params text;
