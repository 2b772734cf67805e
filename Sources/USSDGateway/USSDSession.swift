import Foundation
import Payments
import USSD

/// One subscriber's USSD session: the dialogue, what the aggregator's `text` has held so far, and the last answer.
///
/// Hops of one session run one at a time (`serially`): a second copy of a hop that arrives while the first is
/// still being answered waits, then finds its `text` unchanged and gets the cached answer, so nothing happens
/// twice. The session keeps no PIN: `trail` knows secret inputs only by length, `fedInputs` masks them, and the
/// cached answer is a screen, never an input.
actor USSDSession {
    let id: String
    let msisdn: MSISDN
    let createdAt: Date
    let services: GatewayServices

    var lastActivity: Date
    var dialogue: Dialogue?
    var trail = InputTrail()
    /// Indexes in the aggregator's `text` of inputs typed on secret screens.
    var secretTextIndexes: Set<Int> = []
    /// Inputs given to the dialogue (replays included), secret ones masked once the hop is answered.
    var fedInputs: [String] = []
    var lastReply: USSDReply?
    var draft: PaymentDraft?
    /// The recipient as the last look-up showed them: name, or the number when unregistered.
    var lastPayee: String?
    /// The subscriber's registered county, read at the first hop: the payment request's `location`.
    var region: String?
    /// Set while the session shows a Pending offer instead of the menu.
    var offer: PaymentDraft?
    var closed = false
    /// A hop is being answered; later hops wait in `waiters`, first come first served.
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(id: String, msisdn: MSISDN, now: Date, services: GatewayServices) {
        self.id = id
        self.msisdn = msisdn
        self.createdAt = now
        self.lastActivity = now
        self.services = services
    }

    var language: Language { dialogue?.language ?? offer?.language ?? services.menu.languages.first ?? .english }

    /// Runs `body` after every hop started before it has finished.
    /// The actor alone would interleave hops at every `await` (actors are reentrant), so hops queue
    /// here, and the lock is handed straight to the next waiter when one finishes.
    func serially(_ body: @Sendable (isolated USSDSession) async -> USSDReply) async -> USSDReply {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        let reply = await body(self)
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
        return reply
    }

    /// Answers one hop of this session.
    func answer(_ hop: Hop) async -> USSDReply {
        await serially { session in await session.process(hop) }
    }

    /// Closes the session (replaced by a redial, ended by the network, evicted): waits for a hop in flight, then
    /// offers an unfinished payment to the subscriber's next dial. Returns the redaction facts for the record.
    func close() async -> (secretIndexes: Set<Int>, inputCount: Int) {
        _ = await serially { session in
            session.shutDown()
            return session.lastReply ?? .end("")
        }
        return (secretTextIndexes, trail.count)
    }

    private func process(_ hop: Hop) async -> USSDReply {
        let now = services.now()
        let texts = services.texts
        guard !closed else { return lastReply ?? .end(texts.text(texts.expired, language)) }
        guard hop.msisdn == msisdn else { return .end(texts.text(texts.phoneChanged, language)) }
        if isExpired(at: now) {
            shutDown()
            return remember(.end(texts.text(texts.expired, language)))
        }
        guard hop.text.utf8.count <= services.configuration.maxTextBytes else {
            shutDown()
            return remember(.end(texts.text(texts.inputTooLong, language)))
        }
        let reading = trail.read(hop.text)
        if case .unchanged = reading, let lastReply { return lastReply }
        if let lastReply, lastReply.isEnd { return lastReply }
        lastActivity = now
        switch reading {
        case .start(let replay):
            return remember(await start(replay: replay))
        case .input(let input):
            return remember(await receive(input))
        case .unchanged:
            return remember(await start(replay: []))
        case .notAnExtension:
            shutDown()
            return remember(.end(texts.text(texts.notAnExtension, language)))
        }
    }

    func isExpired(at now: Date) -> Bool {
        let configuration = services.configuration
        return now.timeIntervalSince(lastActivity) > configuration.effectiveIdleTimeout.seconds
            || now.timeIntervalSince(createdAt) > configuration.sessionLifetime.seconds
    }

    private func remember(_ reply: USSDReply) -> USSDReply {
        lastReply = reply
        if reply.isEnd, dialogue?.isFinished ?? true, offer == nil {
            // A finished dialogue has nothing left to resume (an uncertain payment was offered already).
            draft = nil
        }
        return reply
    }

    /// Marks the session closed and puts an unfinished payment up as the Pending offer.
    func shutDown() {
        guard !closed else { return }
        closed = true
        let now = services.now()
        guard let pendingDraft = draft ?? offer, !(dialogue?.isFinished ?? false) || pendingDraft.mayBePersisted else {
            return
        }
        let idleEnd = lastActivity.addingTimeInterval(services.configuration.effectiveIdleTimeout.seconds)
        let expiresAt = min(now, idleEnd).addingTimeInterval(services.configuration.resumeWindow.seconds)
        services.pending.put(pendingDraft, for: msisdn, until: expiresAt, now: now)
        draft = nil
        offer = nil
    }
}
