import AccountModel
import AccountStore
import Foundation
import GRDB

/// A request as stored in the account, with its deadline and state computed for a given day.
public struct DataRequest: Sendable, Equatable {
    public enum Purpose: String, Sendable { case access, followUp = "follow_up" }
    public enum State: String, Sendable {
        /// Written, not yet sent.
        case draft
        /// Sent, the deadline has not passed.
        case waiting
        /// Sent, the platform extended the deadline, which has not passed.
        case extended
        /// The (extended) deadline has passed without an answer.
        case overdue
        case answered
    }

    public var id: Int64
    public var platform: String
    public var law: Law
    public var language: String
    public var purpose: Purpose
    public var followsRequestID: Int64?
    public var createdAt: String
    public var sentOn: Day?
    public var extendedOn: Day?
    public var receivedOn: Day?
    public var answerExportID: Int64?

    public var deadline: Deadline? {
        sentOn.map { Deadline.of(law, received: $0, extended: extendedOn != nil) }
    }

    public func state(today: Day) -> State {
        if receivedOn != nil { return .answered }
        guard let deadline else { return .draft }
        if today > deadline.due { return .overdue }
        return extendedOn != nil ? .extended : .waiting
    }

    /// Days past the deadline (0 when not overdue).
    public func daysOverdue(today: Day) -> Int {
        guard state(today: today) == .overdue, let deadline else { return 0 }
        return deadline.due.days(until: today)
    }
}

/// The account's requests: written by `pda request`, answered by `pda import`.
public struct RequestLedger: Sendable {
    public let store: AccountStore

    public init(store: AccountStore) { self.store = store }

    public func create(platform: Platform, law: Law, language: String, purpose: DataRequest.Purpose = .access,
                       follows: Int64? = nil, createdAt: String, sentOn: Day? = nil) throws -> DataRequest {
        let id = try store.writer.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO request (platform, law, language, purpose, follows_request_id, created_at, sent_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [platform.rawValue, law.rawValue, language, purpose.rawValue, follows, createdAt, sentOn?.description])
            return db.lastInsertedRowID
        }
        return try request(id)
    }

    /// Removes a request that was never sent (its letter could not be written).
    public func delete(_ id: Int64) throws {
        try store.writer.write { db in try db.execute(sql: "DELETE FROM request WHERE id = ? AND sent_on IS NULL", arguments: [id]) }
    }

    public func request(_ id: Int64) throws -> DataRequest {
        guard let request = try store.writer.read({ db in
            try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [id]).map(Self.decode)
        }) else { throw RightsError.unknownRequest(id: id) }
        return request
    }

    /// Oldest first.
    public func all(platform: String? = nil) throws -> [DataRequest] {
        try store.writer.read { db in
            if let platform {
                return try Row.fetchAll(db, sql: "SELECT * FROM request WHERE platform = ? ORDER BY id", arguments: [platform]).map(Self.decode)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM request ORDER BY id").map(Self.decode)
        }
    }

    public func markSent(_ id: Int64, on day: Day) throws {
        let request = try request(id)
        guard request.receivedOn == nil else { throw RightsError.alreadyAnswered(id: id) }
        try update(id, "sent_on", day.description)
    }

    /// The platform told the person it takes the extension the law allows.
    public func markExtended(_ id: Int64, on day: Day) throws {
        let request = try request(id)
        guard Deadline.canExtend(request.law) else { throw RightsError.cannotExtend(law: request.law.rawValue) }
        guard let sent = request.sentOn else { throw RightsError.notSent(id: id) }
        guard request.receivedOn == nil else { throw RightsError.alreadyAnswered(id: id) }
        guard day >= sent else { throw RightsError.dateBeforeSent(id: id) }
        try update(id, "extended_on", day.description)
    }

    /// An answer arrived, with or without an export pda imported.
    public func markReceived(_ id: Int64, on day: Day, exportID: Int64? = nil) throws {
        let request = try request(id)
        guard let sent = request.sentOn else { throw RightsError.notSent(id: id) }
        guard day >= sent else { throw RightsError.dateBeforeSent(id: id) }
        try store.writer.write { db in
            try db.execute(sql: "UPDATE request SET received_on = ?, answer_export_id = COALESCE(?, answer_export_id) WHERE id = ?",
                           arguments: [day.description, exportID, id])
        }
    }

    /// After `pda import` of an export of `platform`: the oldest open request for that platform
    /// sent on or before the import day is answered by it. Returns the request linked, if any.
    @discardableResult
    public func linkImport(platform: String, exportID: Int64, importedOn day: Day) throws -> DataRequest? {
        let id = try store.writer.write { db -> Int64? in
            guard let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM request
                WHERE platform = ? AND sent_on IS NOT NULL AND sent_on <= ? AND received_on IS NULL
                ORDER BY sent_on, id LIMIT 1
                """, arguments: [platform, day.description]) else { return nil }
            try db.execute(sql: "UPDATE request SET received_on = ?, answer_export_id = ? WHERE id = ?",
                           arguments: [day.description, exportID, id])
            return id
        }
        return try id.map(request)
    }

    private func update(_ id: Int64, _ column: String, _ value: String) throws {
        try store.writer.write { db in
            try db.execute(sql: "UPDATE request SET \(column) = ? WHERE id = ?", arguments: [value, id])
        }
    }

    static func decode(_ row: Row) -> DataRequest {
        DataRequest(id: row["id"], platform: row["platform"], law: Law(rawValue: row["law"]) ?? .gdpr, language: row["language"],
                    purpose: DataRequest.Purpose(rawValue: row["purpose"]) ?? .access, followsRequestID: row["follows_request_id"],
                    createdAt: row["created_at"], sentOn: (row["sent_on"] as String?).flatMap(Day.init),
                    extendedOn: (row["extended_on"] as String?).flatMap(Day.init),
                    receivedOn: (row["received_on"] as String?).flatMap(Day.init), answerExportID: row["answer_export_id"])
    }
}
