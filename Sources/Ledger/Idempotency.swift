import Foundation
import GRDB

/// The stored answer of each (transactionId, step). A redelivery reads it back instead of computing a
/// new one, and re-arms the step's outbox rows so the service republishes the same events.
enum Idempotency {
    static let encoder = JSONEncoder()
    static let decoder = JSONDecoder()

    /// The answer stored for (`transactionId`, `step`), if any; re-arms its outbox rows when found.
    static func storedAnswer<T: Decodable>(_ db: Database, _ type: T.Type, transactionId: String, step: String) throws -> T? {
        try storedBytes(db, transactionId: transactionId, step: step).map { try decoder.decode(type, from: $0) }
    }

    /// The raw answer stored for (`transactionId`, `step`), if any; re-arms its outbox rows when found.
    static func storedBytes(_ db: Database, transactionId: String, step: String) throws -> Data? {
        let row = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT answer FROM idempotency WHERE transactionId = ? AND step = ?"),
            arguments: [transactionId, step])
        guard let row else { return nil }
        try db.cachedStatement(sql: "UPDATE outbox SET publishedAt = NULL WHERE transactionId = ? AND step = ? AND publishedAt IS NOT NULL")
            .execute(arguments: [transactionId, step])
        return row
    }

    /// Stores `answer` for (`transactionId`, `step`); the primary key refuses a second answer.
    static func store<T: Encodable>(_ db: Database, _ answer: T, transactionId: String, step: String, at date: Date) throws {
        try storeBytes(db, try encoder.encode(answer), transactionId: transactionId, step: step, at: date)
    }

    /// Stores an answer already encoded.
    static func storeBytes(_ db: Database, _ answer: Data, transactionId: String, step: String, at date: Date) throws {
        try db.cachedStatement(sql: "INSERT INTO idempotency (transactionId, step, answer, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [transactionId, step, answer, date.timeIntervalSince1970])
    }
}

/// The steps that key idempotency, outbox and journal rows.
enum Step {
    static let reserve = "reserve"
    static let execute = "execute"
    static let release = "release"
    static let opening = "opening"
}
