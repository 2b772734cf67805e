import SMPP
import Synchronization

/// Receipts waiting to be written to the outbox: the reader appends as they arrive, the writer takes
/// everything gathered so far in one go, so receipts that pile up during a write share the next one.
final class ReceiptQueue: Sendable {
    private struct State {
        var events: [ReceiptEvent] = []
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func append(_ event: ReceiptEvent) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.events.append(event)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// No more receipts will come; ``next()`` returns what is left, then nil.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Everything gathered so far, waiting for at least one; nil once finished and drained.
    func next() async -> [ReceiptEvent]? {
        while true {
            let taken = state.withLock { state -> [ReceiptEvent]?? in
                if !state.events.isEmpty {
                    defer { state.events.removeAll(keepingCapacity: true) }
                    return .some(state.events)
                }
                return state.finished ? .some(nil) : nil
            }
            if let taken { return taken }
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if !state.events.isEmpty || state.finished { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }
}
