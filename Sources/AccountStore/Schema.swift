import GRDB

/// The account's schema as an append-only history. A shipped migration never changes: a new
/// need is a new migration. `schemas/account.sql` is generated from these (see SchemaTests).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: account, provenance, records, search", migrate: v1)
        migrator.registerMigration("v2: item duration", migrate: v2)
        migrator.registerMigration("v3: contentless search index", migrate: v3)
        migrator.registerMigration("v4: data requests", migrate: v4)
        migrator.registerMigration("v5: month views for browsing", migrate: v5)
        return migrator
    }

    /// Items and activity with their month (`YYYY-MM`), so Datasette (`pda browse`) and other
    /// SQLite browsers can facet by platform, kind and month, which they cannot compute.
    private static func v5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW item_by_month AS
              SELECT id, platform, kind, substr(created_at, 1, 7) AS month, created_at, title, text, url, native_id,
                     counterpart, duration_seconds, source_export_id, locator
              FROM item;
            CREATE VIEW activity_by_month AS
              SELECT id, platform, kind, substr(occurred_at, 1, 7) AS month, occurred_at, text, url, duration_seconds,
                     amount, currency, source_export_id, locator
              FROM activity;
            """)
    }

    /// Requests for a copy under the GDPR, UK GDPR, CCPA or PIPL (`pda request`), and the export
    /// that answered each. Dates are days (`YYYY-MM-DD`): deadlines are counted in days, and the
    /// deadline itself is computed from `law`, `sent_on` and `extended_on`, never stored, so a
    /// corrected rule applies to old requests too.
    private static func v4(_ db: Database) throws {
        try db.execute(sql: """
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
            CREATE INDEX request_by_platform ON request (platform, sent_on);
            """)
    }

    /// The search index keeps no copy of the text it indexes (`content = ''`): nothing read it
    /// (results and snippets come from `item`), and writing that copy was a quarter of the
    /// index's cost on import. Queries are unchanged: `MATCH`, `bm25()` and `rowid` = item id.
    /// The index forms are rebuilt from `item` with the frozen v3 form (`SearchFormV3`), which
    /// is what imports wrote when v3 shipped.
    private static func v3(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE item_search;
            CREATE VIRTUAL TABLE item_search USING fts5 (title, text, content = '', tokenize = 'unicode61 remove_diacritics 2');
            """)
        let insert = try db.makeStatement(sql: "INSERT INTO item_search (rowid, title, text) VALUES (?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title, text FROM item WHERE title IS NOT NULL OR text IS NOT NULL")
        while let row = try rows.next() {
            let title: String? = row["title"], text: String? = row["text"]
            try insert.execute(arguments: [row["id"] as Int64, title.map(SearchFormV3.indexForm), text.map(SearchFormV3.indexForm)])
        }
    }

    /// The length of videos and live streams, where exports state it (YouTube uploads), for the
    /// ledger's content volume.
    private static func v2(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE item ADD COLUMN duration_seconds REAL")
    }

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE owner (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              name TEXT,
              did TEXT NOT NULL,
              created_at TEXT NOT NULL
            );
            -- One row per imported export file: the provenance every record points to.
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
            CREATE TABLE identity (
              id INTEGER PRIMARY KEY,
              platform TEXT NOT NULL,
              field TEXT NOT NULL,
              value TEXT NOT NULL,
              source_export_id INTEGER NOT NULL REFERENCES source_export(id),
              locator TEXT NOT NULL,
              UNIQUE (platform, field, value)
            );
            -- Content the owner authored. natural_key = the platform's id, or a digest of the
            -- record's content where the platform gives none; it makes re-imports idempotent.
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
              locator TEXT NOT NULL,
              UNIQUE (platform, kind, natural_key)
            );
            CREATE INDEX item_by_time ON item (created_at);
            -- Files from exports, stored once under media/sha256/<2 hex>/<rest>.
            CREATE TABLE media (
              sha256 TEXT PRIMARY KEY,
              size INTEGER NOT NULL,
              media_type TEXT
            );
            CREATE TABLE item_media (
              item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              media_sha256 TEXT NOT NULL REFERENCES media(sha256),
              file_name TEXT NOT NULL,
              locator TEXT NOT NULL,
              PRIMARY KEY (item_id, position)
            );
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
            CREATE INDEX activity_by_time ON activity (occurred_at);
            CREATE TABLE inference (
              id INTEGER PRIMARY KEY,
              platform TEXT NOT NULL,
              kind TEXT NOT NULL,
              label TEXT NOT NULL,
              source_export_id INTEGER NOT NULL REFERENCES source_export(id),
              locator TEXT NOT NULL,
              UNIQUE (platform, kind, label)
            );
            -- Item text for full-text search, rowid = item.id. Chinese and Japanese runs are
            -- stored as overlapping bigrams (see SearchText) so two-character words match with
            -- the stock unicode61 tokenizer, which any sqlite3 shell can read.
            CREATE VIRTUAL TABLE item_search USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');
            """)
    }
}
