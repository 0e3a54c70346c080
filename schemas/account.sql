-- Generated from the migrations in Sources/AccountStore/Schema.swift by `make schema`. Do not edit.

CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  natural_key TEXT NOT NULL,
  occurred_at TEXT,
  time_basis TEXT,
  url TEXT,
  text TEXT,
  duration_seconds REAL,
  amount TEXT,
  currency TEXT,
  detail TEXT,
  source_export_id INTEGER NOT NULL REFERENCES source_export(id),
  locator TEXT NOT NULL,
  UNIQUE (platform, kind, natural_key)
);

CREATE TABLE identity (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  source_export_id INTEGER NOT NULL REFERENCES source_export(id),
  locator TEXT NOT NULL,
  UNIQUE (platform, field, value)
);

CREATE TABLE inference (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  source_export_id INTEGER NOT NULL REFERENCES source_export(id),
  locator TEXT NOT NULL,
  UNIQUE (platform, kind, label)
);

CREATE TABLE item (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  natural_key TEXT NOT NULL,
  native_id TEXT,
  url TEXT,
  created_at TEXT,
  time_basis TEXT,
  title TEXT,
  text TEXT,
  counterpart TEXT,
  content_hash TEXT NOT NULL,
  raw TEXT NOT NULL,
  source_export_id INTEGER NOT NULL REFERENCES source_export(id),
  locator TEXT NOT NULL, duration_seconds REAL,
  UNIQUE (platform, kind, natural_key)
);

CREATE TABLE item_media (
  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  media_sha256 TEXT NOT NULL REFERENCES media(sha256),
  file_name TEXT NOT NULL,
  locator TEXT NOT NULL,
  PRIMARY KEY (item_id, position)
);

CREATE VIRTUAL TABLE item_search USING fts5 (title, text, content = '', tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE media (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  media_type TEXT
);

CREATE TABLE owner (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT,
  did TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE request (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  law TEXT NOT NULL CHECK (law IN ('gdpr', 'uk-gdpr', 'ccpa', 'pipl')),
  language TEXT NOT NULL,
  -- access: the first request; follow_up: asks for the gaps `pda audit` found.
  purpose TEXT NOT NULL CHECK (purpose IN ('access', 'follow_up')),
  follows_request_id INTEGER REFERENCES request(id),
  created_at TEXT NOT NULL,
  sent_on TEXT,
  -- The day the platform said it extends the deadline (GDPR Art. 12(3), CCPA §1798.130).
  extended_on TEXT,
  received_on TEXT,
  answer_export_id INTEGER REFERENCES source_export(id)
);

CREATE TABLE source_export (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  format TEXT NOT NULL,
  importer TEXT NOT NULL,
  importer_version TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  report TEXT NOT NULL
);

CREATE INDEX activity_by_time ON activity (occurred_at);

CREATE INDEX item_by_time ON item (created_at);

CREATE INDEX request_by_platform ON request (platform, sent_on);

CREATE VIEW activity_by_month AS
  SELECT id, platform, kind, substr(occurred_at, 1, 7) AS month, occurred_at, text, url, duration_seconds,
         amount, currency, source_export_id, locator
  FROM activity;

CREATE VIEW item_by_month AS
  SELECT id, platform, kind, substr(created_at, 1, 7) AS month, created_at, title, text, url, native_id,
         counterpart, duration_seconds, source_export_id, locator
  FROM item;
