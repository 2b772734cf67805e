import DequeModule

/// The send window of one link, as a state machine: which part goes next, what a response
/// means, and what a lost link puts back in the queue. No I/O and no clock of its own.
///
/// Order rules (issue 7): at most one part per destination is in flight, so a part refused with
/// a temporary error can go back first without a later part to the same handset overtaking
/// it; that keeps the order per destination and across the parts of one message.
struct SubmitScheduler: Sendable {
    enum Next: Sendable {
        case send(SMPPMessage)
        /// Nothing may go before this instant (pause or rate limit).
        case wait(until: ContinuousClock.Instant)
        /// Queue empty, window full or every queued destination busy: wait for an event.
        case idle
    }

    enum Outcome: Sendable {
        case accepted(QueuedPart, messageID: String)
        /// Temporary refusal: the part is back in the queue.
        case retrying(QueuedPart)
        case failed(QueuedPart, ESMEError)
        /// No request with that sequence number is in flight.
        case unknown
    }

    private struct InFlight: Sendable {
        var part: QueuedPart
        var deadline: ContinuousClock.Instant
    }

    let windowSize: Int
    let responseTimeout: Duration
    let throttlePause: Duration
    let maxTemporaryAttempts: Int
    private var limiter: RateLimiter?
    /// A deque: parts leave from the front (almost always index 0) and retries go back near it, so
    /// an array's shifting would cost O(queue) per send once thousands are queued.
    private var queue: Deque<QueuedPart> = []
    private var inFlight: [UInt32: InFlight] = [:]
    private var busyDestinations: Set<String> = []
    private(set) var pausedUntil: ContinuousClock.Instant?
    private var nextSequence: UInt32 = 1

    init(configuration: ESMEConfiguration) {
        windowSize = max(1, configuration.windowSize)
        responseTimeout = configuration.responseTimeout
        throttlePause = configuration.throttlePause
        maxTemporaryAttempts = configuration.maxTemporaryAttempts
        limiter = configuration.partsPerSecond.map(RateLimiter.init(perSecond:))
    }

    var queuedCount: Int { queue.count }
    var inFlightCount: Int { inFlight.count }

    /// A fresh `sequence_number` (1...0x7FFFFFFF, as the spec allows).
    mutating func allocateSequence() -> UInt32 {
        let sequence = nextSequence
        nextSequence = sequence >= 0x7FFF_FFFF ? 1 : sequence + 1
        return sequence
    }

    mutating func enqueue(_ parts: [QueuedPart]) {
        for part in parts { insert(part) }
    }

    mutating func next(now: ContinuousClock.Instant) -> Next {
        if let pausedUntil {
            if pausedUntil > now { return .wait(until: pausedUntil) }
            self.pausedUntil = nil
        }
        guard inFlight.count < windowSize,
              let index = queue.firstIndex(where: { !busyDestinations.contains($0.destination) })
        else { return .idle }
        if let limiter, let until = limiter.delay(now: now) { return .wait(until: until) }
        var part = queue.remove(at: index)
        part.attempts += 1
        let sequence = allocateSequence()
        inFlight[sequence] = InFlight(part: part, deadline: now + responseTimeout)
        busyDestinations.insert(part.destination)
        limiter?.recordSend(now: now)
        return .send(SMPPMessage(sequenceNumber: sequence, pdu: .submitSM(part.submit)))
    }

    mutating func receiveResponse(
        sequenceNumber: UInt32, status: CommandStatus, messageID: String, now: ContinuousClock.Instant
    ) -> Outcome {
        guard let part = finish(sequenceNumber) else { return .unknown }
        if status.isOK { return .accepted(part, messageID: messageID) }
        if status.asksToSlowDown {
            // The SMSC is overloaded: the whole link waits, and this part goes first after.
            pausedUntil = max(pausedUntil ?? now, now + throttlePause)
            insert(part)
            return .retrying(part)
        }
        if status.isTemporary {
            guard part.attempts < maxTemporaryAttempts else {
                return .failed(part, .tooManyAttempts(status, partNumber: part.partNumber))
            }
            insert(part)
            return .retrying(part)
        }
        return .failed(part, .rejected(status, partNumber: part.partNumber))
    }

    /// A `generic_nack` for a submit fails it: the SMSC could not even read it.
    mutating func receiveNack(sequenceNumber: UInt32, status: CommandStatus) -> Outcome {
        guard let part = finish(sequenceNumber) else { return .unknown }
        return .failed(part, .genericNack(sequenceNumber: sequenceNumber, status: status))
    }

    /// The link is gone: parts without a response go back, in their order, to be resent.
    mutating func linkLost() {
        let parts = inFlight.values.map(\.part)
        inFlight = [:]
        busyDestinations = []
        for part in parts { insert(part) }
    }

    /// True when some request waited longer than the response timeout.
    func hasOverdueRequest(now: ContinuousClock.Instant) -> Bool {
        inFlight.values.contains { $0.deadline <= now }
    }

    /// Drops the queued parts of a message that failed; parts in flight finish on their own.
    mutating func dropQueued(messageKey: UInt64) -> Int {
        let before = queue.count
        queue.removeAll { $0.messageKey == messageKey }
        return before - queue.count
    }

    /// True while some part of the message waits for its response.
    func isInFlight(messageKey: UInt64) -> Bool {
        inFlight.values.contains { $0.part.messageKey == messageKey }
    }

    /// Everything still queued, for failing it on shutdown.
    mutating func drain() -> [QueuedPart] {
        defer { queue = [] }
        return Array(queue)
    }

    private mutating func finish(_ sequenceNumber: UInt32) -> QueuedPart? {
        guard let entry = inFlight.removeValue(forKey: sequenceNumber) else { return nil }
        busyDestinations.remove(entry.part.destination)
        return entry.part
    }

    private mutating func insert(_ part: QueuedPart) {
        // Binary search: retried parts land at their original place, new ones at the end.
        var low = 0
        var high = queue.count
        while low < high {
            let mid = (low + high) / 2
            if queue[mid].order < part.order { low = mid + 1 } else { high = mid }
        }
        queue.insert(part, at: low)
    }
}
