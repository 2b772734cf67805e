import DequeModule
import Foundation
import Payments
import Synchronization

/// Open sessions by id, with one session per subscriber, bounded in number.
///
/// Sessions are kept in creation order; since no session outlives `sessionLifetime`, the front of that order is
/// always the first to go, so trimming is O(1) per new session and memory stays flat under any load. Sessions
/// dropped for age or capacity are closed in the background (their unfinished payment becomes a Pending offer).
final class SessionStore: Sendable {
    private struct State: Sendable {
        var sessions: [String: USSDSession] = [:]
        var bySubscriber: [MSISDN: String] = [:]
        var order: Deque<(id: String, createdAt: Date)> = []
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let lifetime: TimeInterval

    init(capacity: Int, lifetime: TimeInterval) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    /// The session `hop` belongs to, created when new. A new session of a subscriber who has one open replaces
    /// it: the old one is returned to be closed before the new one answers.
    func session(for hop: Hop, now: Date, make: () -> USSDSession) -> (USSDSession, replaced: USSDSession?) {
        let (session, replaced, dropped) = state.withLock { state -> (USSDSession, USSDSession?, [USSDSession]) in
            if let existing = state.sessions[hop.sessionID] { return (existing, nil, []) }
            var replaced: USSDSession?
            if let previous = state.bySubscriber[hop.msisdn] {
                replaced = state.sessions.removeValue(forKey: previous)
            }
            let session = make()
            state.sessions[hop.sessionID] = session
            state.bySubscriber[hop.msisdn] = hop.sessionID
            state.order.append((hop.sessionID, now))
            return (session, replaced, Self.trim(&state, capacity: capacity, oldestAllowed: now - lifetime))
        }
        for old in dropped { Task { _ = await old.close() } }
        return (session, replaced)
    }

    /// Removes the session (the network ended it).
    func remove(_ id: String) -> USSDSession? {
        state.withLock { state in
            guard let session = state.sessions.removeValue(forKey: id) else { return nil }
            if state.bySubscriber[session.msisdn] == id { state.bySubscriber[session.msisdn] = nil }
            return session
        }
    }

    var count: Int { state.withLock { $0.sessions.count } }

    private static func trim(_ state: inout State, capacity: Int, oldestAllowed: Date) -> [USSDSession] {
        var dropped: [USSDSession] = []
        while let first = state.order.first, state.sessions.count > capacity || first.createdAt < oldestAllowed {
            state.order.removeFirst()
            guard let session = state.sessions[first.id], session.createdAt == first.createdAt else { continue }
            state.sessions[first.id] = nil
            if state.bySubscriber[session.msisdn] == first.id { state.bySubscriber[session.msisdn] = nil }
            dropped.append(session)
        }
        // Entries of sessions removed earlier stay in `order` until they reach the front; cap them too.
        while state.order.count > 2 * capacity, let first = state.order.first, state.sessions[first.id] == nil {
            state.order.removeFirst()
        }
        return dropped
    }
}
