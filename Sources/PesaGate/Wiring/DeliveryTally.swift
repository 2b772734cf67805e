import Synchronization

/// Counts the messages a measurement saw delivered, each once, and notes the instant the last
/// expected one arrived.
///
/// The instant is taken by whoever records the delivery, not by the task that waits, so the
/// waiter may poll coarsely without adding its polling interval to the measured time.
final class DeliveryTally: Sendable {
    struct Snapshot: Sendable {
        var delivered: Int
        var failed: Int
        var reachedAt: ContinuousClock.Instant?
    }

    private struct State {
        var delivered: Set<String> = []
        var failed: Set<String> = []
        var reachedAt: ContinuousClock.Instant?
    }

    /// Distinct delivered references that complete the measurement.
    let target: Int
    private let state = Mutex(State())

    init(target: Int) {
        self.target = target
    }

    /// A final outcome for `reference`; repeats (a retried callback) count once.
    func record(_ reference: String, delivered: Bool) {
        state.withLock { state in
            if delivered {
                guard state.delivered.insert(reference).inserted else { return }
                if state.delivered.count == target { state.reachedAt = .now }
            } else {
                state.failed.insert(reference)
            }
        }
    }

    func contains(_ reference: String) -> Bool {
        state.withLock { $0.delivered.contains(reference) }
    }

    var snapshot: Snapshot {
        state.withLock { Snapshot(delivered: $0.delivered.count, failed: $0.failed.count, reachedAt: $0.reachedAt) }
    }

    /// Waits until `target` deliveries were recorded and returns when the last one came. Throws
    /// when nothing new arrived for `stallTimeout` (a lost receipt or a dead link would otherwise
    /// hang the benchmark), or when failures make the target unreachable.
    func waitForTarget(total: Int, stallTimeout: Duration = .seconds(30), what: String) async throws -> ContinuousClock.Instant {
        var last = snapshot
        var lastProgress = ContinuousClock.now
        while true {
            let now = snapshot
            if let reached = now.reachedAt { return reached }
            if now.failed > 0, now.delivered + now.failed >= total {
                throw SMPPBenchError("\(what): \(now.failed) of \(total) messages reported failed, \(now.delivered) delivered")
            }
            if now.delivered != last.delivered || now.failed != last.failed {
                last = now
                lastProgress = .now
            } else if ContinuousClock.now - lastProgress > stallTimeout {
                throw SMPPBenchError("\(what): stalled at \(now.delivered) delivered, \(now.failed) failed of \(total) (no progress for \(stallTimeout))")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}
