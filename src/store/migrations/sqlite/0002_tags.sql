-- kumo store schema, version 2 (SQLite): tags, so store mutes can match them
-- as mutelist rules do (every tag of the mute present with a matching value).

-- The tags of the resources that scans reported findings on, as of the
-- latest scan that reported the resource.
CREATE TABLE resource_tags (
  resource_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (resource_id, key)
);

-- A mute's tag conditions: the resource must carry `key` with a value the
-- glob `value` matches (value_like: the same glob as a LIKE pattern, escape '\';
-- an empty glob matches only the empty value).
CREATE TABLE mute_tags (
  mute_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  value_like TEXT NOT NULL,
  PRIMARY KEY (mute_id, key)
);
