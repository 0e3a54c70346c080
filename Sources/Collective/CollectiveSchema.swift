import GRDB

/// `collective.sqlite`: members only by keyed pseudonym, and their ledger rows. No member id,
/// no export content is ever stored here; members' records stay in their own accounts.
enum CollectiveSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: collective, members, ledger cells", migrate: v1)
        migrator.registerMigration("v2: tombstones, privacy budget", migrate: v2)
        return migrator
    }

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE collective (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              name TEXT,
              k INTEGER NOT NULL,
              organisation_did TEXT NOT NULL,
              secret_fingerprint TEXT NOT NULL,
              created_at TEXT NOT NULL
            );
            CREATE TABLE member (
              pseudonym TEXT PRIMARY KEY,
              consent TEXT NOT NULL CHECK (consent IN ('aggregate', 'archive')),
              added_at TEXT NOT NULL
            );
            -- One row per export file seen, so a rerun skips what is done (same SHA-256).
            CREATE TABLE export (
              sha256 TEXT PRIMARY KEY,
              pseudonym TEXT NOT NULL,
              file_name TEXT NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('processed', 'failed')),
              reason TEXT,
              processed_at TEXT NOT NULL
            );
            CREATE INDEX export_by_member ON export (pseudonym);
            CREATE TABLE ledger_cell (
              pseudonym TEXT NOT NULL,
              platform TEXT NOT NULL,
              month TEXT NOT NULL,
              category TEXT NOT NULL,
              kind TEXT NOT NULL,
              count INTEGER NOT NULL,
              PRIMARY KEY (pseudonym, platform, month, kind)
            );
            CREATE TABLE attention_cell (
              pseudonym TEXT NOT NULL,
              platform TEXT NOT NULL,
              month TEXT NOT NULL,
              low_seconds REAL NOT NULL,
              high_seconds REAL NOT NULL,
              exact_seconds REAL NOT NULL,
              PRIMARY KEY (pseudonym, platform, month)
            );
            CREATE TABLE money_cell (
              pseudonym TEXT NOT NULL,
              platform TEXT NOT NULL,
              kind TEXT NOT NULL,
              currency TEXT NOT NULL,
              amount TEXT NOT NULL,
              count INTEGER NOT NULL,
              PRIMARY KEY (pseudonym, platform, kind, currency)
            );
            -- Days and months with any record, per platform and year (for revenue-per-user models).
            CREATE TABLE active_share (
              pseudonym TEXT NOT NULL,
              platform TEXT NOT NULL,
              year TEXT NOT NULL,
              active_days INTEGER NOT NULL,
              active_months INTEGER NOT NULL,
              PRIMARY KEY (pseudonym, platform, year)
            );
            """)
    }

    /// Tombstones keep a withdrawn member out of later `add` runs; the privacy ledger records the
    /// ε every noisy release spent, against the total the organisation set.
    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            -- HMAC of the member's pseudonym under a separate label: not the pseudonym itself, so
            -- no row or folder name of the member survives withdrawal.
            CREATE TABLE tombstone (
              key TEXT PRIMARY KEY,
              withdrawn_at TEXT NOT NULL
            );
            ALTER TABLE collective ADD COLUMN epsilon_budget REAL NOT NULL DEFAULT 1.0 CHECK (epsilon_budget >= 0);
            CREATE TABLE privacy_release (
              id INTEGER PRIMARY KEY,
              released_at TEXT NOT NULL,
              epsilon REAL NOT NULL CHECK (epsilon > 0)
            );
            """)
    }
}
