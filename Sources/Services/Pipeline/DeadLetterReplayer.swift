import Foundation
import Messaging
import Payments

/// `pesagate dlq replay ID`: puts a parked record's original bytes back on its original topic with its
/// original key, for an operator who fixed the cause. Refuses what must not run again: a TIMEOUT (a
/// declined payment, for manual review only), a record without its payload, and any record whose
/// transaction already has a decision (replaying it could only produce a second, different outcome).
public struct DeadLetterReplayer: Sendable {
    /// Why a replay was refused.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case unknownID(String)
        case notReplayable(String)
        case alreadyFinal(TransactionID, FinalStatus)
        case alreadyDecided(TransactionID)

        public var description: String {
            switch self {
            case let .unknownID(id): "no dead letter \(id)"
            case let .notReplayable(why): "not replayable: \(why)"
            case let .alreadyFinal(txn, status): "\(txn) already has final status \(status.rawValue)"
            case let .alreadyDecided(txn): "\(txn) is already decided"
            }
        }
    }

    let store: DeadLetterStore
    let joins: JoinStore
    let publisher: any EventPublishing
    let clock: any PipelineClock

    public init(store: DeadLetterStore, joins: JoinStore, publisher: any EventPublishing, clock: any PipelineClock = SystemPipelineClock()) {
        self.store = store
        self.joins = joins
        self.publisher = publisher
        self.clock = clock
    }

    /// Republishes dead letter `id` or throws the reason it may not.
    public func replay(id: String) async throws {
        guard let entry = try await store.entry(id: id) else { throw Refusal.unknownID(id) }
        let envelope = entry.envelope
        guard envelope.kind != .timeout else { throw Refusal.notReplayable("a TIMEOUT is for manual review") }
        guard let topicName = envelope.topic, let topic = Topic(rawValue: topicName), let payload = envelope.payloadBytes
        else { throw Refusal.notReplayable("no original topic or payload") }
        if let txn = envelope.transactionId ?? Self.transactionId(in: payload), let join = try await joins.join(txn) {
            if let status = join.finalStatus { throw Refusal.alreadyFinal(txn, status) }
            if join.verdict != nil { throw Refusal.alreadyDecided(txn) }
        }
        let key = envelope.keyBytes.flatMap { String(validating: $0, as: UTF8.self) } ?? ""
        try await publisher.emit(OutgoingEvent(topic: topic, key: key, value: payload, trace: nil))
        try await store.markReplayed(id: id, at: clock.now())
    }

    /// The `transactionId` field of a JSON payload, if it has one.
    static func transactionId(in payload: [UInt8]) -> TransactionID? {
        struct Probe: Decodable { let transactionId: String? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: Data(payload)), let text = probe.transactionId
        else { return nil }
        return try? TransactionID(parsing: text)
    }
}
