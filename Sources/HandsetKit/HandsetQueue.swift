/// The idle handsets of an open-loop run, longest idle first. A dialogue takes one or waits in
/// line for one, so no MSISDN ever has two dialogues at once: the gateway keeps one USSD session
/// per subscriber, and a second payment would race the first one's SMS.
actor HandsetQueue {
    private var idle: [LoadHandset]
    private var waiting: [CheckedContinuation<LoadHandset?, Never>] = []
    /// Set while a called-off step turns away whoever would have to wait.
    private var turningAway = false

    init(_ handsets: [LoadHandset]) {
        idle = handsets
    }

    var count: Int { idle.count }

    /// A free handset, and whether the caller had to wait for it; nil when the wait was turned away.
    func take() async -> (handset: LoadHandset?, waited: Bool) {
        if !idle.isEmpty { return (idle.removeFirst(), false) }
        if turningAway { return (nil, false) }
        let handset = await withCheckedContinuation { waiting.append($0) }
        return (handset, true)
    }

    /// Hands a handset whose dialogue ended to the longest waiter, or back to the idle line.
    func giveBack(_ handset: LoadHandset) {
        if waiting.isEmpty {
            idle.append(handset)
        } else {
            waiting.removeFirst().resume(returning: handset)
        }
    }

    /// Ends every wait with nil, and any later wait at once, until ``reopen()``; returns how many
    /// waits it ended.
    @discardableResult
    func turnAwayWaiting() -> Int {
        turningAway = true
        let ended = waiting.count
        for continuation in waiting { continuation.resume(returning: nil) }
        waiting = []
        return ended
    }

    /// Lets callers wait for a handset again (a new step).
    func reopen() {
        turningAway = false
    }
}
