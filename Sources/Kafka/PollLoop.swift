import Foundation
import Synchronization

/// A dedicated thread that calls a blocking librdkafka poll function until stopped.
///
/// librdkafka delivers callbacks (delivery reports, rebalances) on the thread that polls; a thread of
/// its own keeps those blocking calls off Swift's cooperative pool, whose few threads must never block.
final class PollLoop: Sendable {
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)

    init(name: String, iteration: @escaping @Sendable () -> Void) {
        // The thread holds the loop until it ends, which `stop()` waits for.
        let thread = Thread { [self] in
            while running.load(ordering: .acquiring) {
                iteration()
            }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    var isRunning: Bool { running.load(ordering: .acquiring) }

    /// Stops the loop and waits for the current iteration to return. Idempotent.
    func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }
}
