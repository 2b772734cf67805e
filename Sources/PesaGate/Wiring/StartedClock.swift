import Foundation
import Services

/// A wall clock that starts at a chosen instant and keeps ticking (`clock.start`): what reproduces the
/// seed's story word for word ("on 2/9/24 at 2:30 PM") without freezing time, which would freeze the
/// pipeline's timeouts too. Without a start it is the system clock.
struct StartedClock: PipelineClock {
    let origin: Date?
    private let started = ContinuousClock.now

    init(start: Date?) {
        origin = start
    }

    func now() -> Date {
        guard let origin else { return Date() }
        let elapsed = ContinuousClock.now - started
        return origin.addingTimeInterval(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
