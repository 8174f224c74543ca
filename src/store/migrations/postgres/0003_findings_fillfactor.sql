-- kumo store schema, version 3 (PostgreSQL only): every scan rewrites the row of
-- each finding it reports (last_seen, last_scan_id, message, ...) without
-- changing an indexed column. Half-empty pages let PostgreSQL make those
-- updates heap-only (HOT): the new row version stays on its page and no
-- index gets a new entry, which is most of the cost of a million-finding
-- follow-up scan. Applies to pages written from now on.
ALTER TABLE findings SET (fillfactor = 50);
