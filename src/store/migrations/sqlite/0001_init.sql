-- kumo store schema, version 1 (SQLite). Times are unix seconds (alerts: nanoseconds).
CREATE TABLE scans (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  scope TEXT NOT NULL,          -- JSON: {accounts:[{provider,account}], resource_types:[], controls:[]}
  inputs TEXT NOT NULL,         -- JSON array of input files
  control_set TEXT NOT NULL,    -- name/version of the control set
  total INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  muted INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  opened INTEGER NOT NULL DEFAULT 0,
  resolved INTEGER NOT NULL DEFAULT 0,
  reopened INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE scan_accounts (
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  provider TEXT NOT NULL,
  account TEXT NOT NULL,
  PRIMARY KEY (scan_id, provider, account)
);
CREATE TABLE scan_types (
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  resource_type TEXT NOT NULL,
  PRIMARY KEY (scan_id, resource_type)
);
CREATE TABLE scan_controls (
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  control_id TEXT NOT NULL,
  PRIMARY KEY (scan_id, control_id)
);

-- One row per fingerprint (control id + resource id); status is the lifecycle
-- state: open, resolved or muted.
CREATE TABLE findings (
  fingerprint TEXT PRIMARY KEY,
  control_id TEXT NOT NULL,
  control_title TEXT NOT NULL DEFAULT '',
  resource_id TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  provider TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  status TEXT NOT NULL,
  severity TEXT NOT NULL,
  severity_rank INTEGER NOT NULL,
  product TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT 'null',
  frameworks TEXT NOT NULL DEFAULT '',
  remediation TEXT NOT NULL DEFAULT '',
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  resolved_at INTEGER NOT NULL DEFAULT 0,
  ticket_key TEXT NOT NULL DEFAULT '',
  mute_id INTEGER NOT NULL DEFAULT 0,      -- the store mute that applies (0: none or a mutelist file)
  muted_by TEXT NOT NULL DEFAULT '',      -- the mute's requester
  mute_approver TEXT NOT NULL DEFAULT '',
  mute_reason TEXT NOT NULL DEFAULT '',
  mute_ticket TEXT NOT NULL DEFAULT '',
  mute_expires INTEGER NOT NULL DEFAULT 0,
  first_scan_id INTEGER NOT NULL,
  last_scan_id INTEGER NOT NULL
);
CREATE INDEX findings_scope ON findings (provider, account, status);
CREATE INDEX findings_product ON findings (product, status);

CREATE TABLE finding_events (
  id INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  scan_id INTEGER NOT NULL DEFAULT 0,   -- 0: not caused by a scan (mute approval/expiry)
  kind TEXT NOT NULL,                   -- opened resolved reopened muted unmuted severity_changed
  at INTEGER NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX finding_events_fp ON finding_events (fingerprint, id);
CREATE INDEX finding_events_scan ON finding_events (scan_id);

CREATE TABLE mutes (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,                  -- requested, active (approved), rejected, expired
  control_pattern TEXT NOT NULL DEFAULT '',   -- globs (* and ?); '' matches everything
  resource_pattern TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL DEFAULT '',
  account TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  control_like TEXT NOT NULL DEFAULT '%',     -- the same globs as LIKE patterns (escape '\')
  resource_like TEXT NOT NULL DEFAULT '%',
  account_like TEXT NOT NULL DEFAULT '%',
  region_like TEXT NOT NULL DEFAULT '%',
  reason TEXT NOT NULL,
  requester TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ticket TEXT NOT NULL DEFAULT '',
  approver TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL DEFAULT 0,
  decision_note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''        -- e.g. the mutelist file it was imported from
);
CREATE INDEX mutes_state ON mutes (state, expires_at);

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL,
  priority TEXT NOT NULL,
  source TEXT NOT NULL,
  time_ns INTEGER NOT NULL,             -- first occurrence in this dedup window
  last_time_ns INTEGER NOT NULL,
  count INTEGER NOT NULL DEFAULT 1,
  output TEXT NOT NULL,
  output_fields TEXT NOT NULL DEFAULT '{}',
  tags TEXT NOT NULL DEFAULT '[]',
  account TEXT NOT NULL DEFAULT '',
  product TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL,
  raw_event TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alerts_dedup ON alerts (rule, dedup_key, time_ns);
CREATE INDEX alerts_time ON alerts (time_ns);

CREATE TABLE products (
  name TEXT PRIMARY KEY,
  champions TEXT NOT NULL DEFAULT '[]',
  slack_channel TEXT NOT NULL DEFAULT '',
  jira_project TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
CREATE TABLE product_rules (
  product TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,                   -- account, subscription, project, tag
  pattern TEXT NOT NULL,
  PRIMARY KEY (product, position)
);
