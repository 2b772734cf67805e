import Foundation
import Synchronization

/// One end-of-session notification as recorded: PIN positions of `input` already masked.
public struct SessionEndRecord: Sendable, Hashable {
    public var sessionID: String
    /// `Success`, `Incomplete` or `Failed` (the aggregator's words), or what it sent.
    public var status: String
    public var durationInMillis: Int?
    public var hopsCount: Int?
    /// The session's inputs with every PIN position shown as `****`.
    public var redactedInput: String
    public var phoneNumber: String?
    public var errorMessage: String?
    public var recordedAt: Date
}

/// The end-of-session notifications received: the latest `capacity` records, counters by status, and each
/// session id once (the aggregator retries for minutes when it misses a 200, so repeats are normal).
public final class SessionEndLog: Sendable {
    private struct State: Sendable {
        var records: [SessionEndRecord] = []
        var seen: Set<String> = []
        var byStatus: [String: Int] = [:]
        var duplicates = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Records `record` unless its session was recorded already; returns whether it was new.
    @discardableResult
    func record(_ record: SessionEndRecord) -> Bool {
        state.withLock { state in
            guard !state.seen.contains(record.sessionID) else {
                state.duplicates += 1
                return false
            }
            state.seen.insert(record.sessionID)
            state.records.append(record)
            state.byStatus[record.status, default: 0] += 1
            if state.records.count > capacity {
                let removed = state.records.removeFirst()
                state.seen.remove(removed.sessionID)
            }
            return true
        }
    }

    /// Whether `sessionID` has been recorded (and is still remembered).
    public func contains(_ sessionID: String) -> Bool { state.withLock { $0.seen.contains(sessionID) } }

    /// The remembered records, oldest first.
    public var records: [SessionEndRecord] { state.withLock { $0.records } }
    /// Sessions recorded per status, since start.
    public var countsByStatus: [String: Int] { state.withLock { $0.byStatus } }
    /// Repeated notifications ignored, since start.
    public var duplicates: Int { state.withLock { $0.duplicates } }
}
